vcl 4.1;
# inkwell's edge cache. Readers' pages, feeds, the sitemap, images and Next's static files are
# served from here; each page is kept until the app purges one of its keys (the cache tags it
# was rendered with, sent in the xkey header), or a week at most. The dashboard, the API,
# previews, draft mode, every POST and anyone signed in go straight through to the app.
#
# Backends come from backends.vcl beside this file (app1 and app2 for docker-compose); the drill
# writes its own, with its ports, into a folder searched first (varnishd -p vcl_path).
# Start with -p http_gzip_support=off: see "Compression" below.

import directors;
import std;
import xkey;

# An instance counts as down when two of its last three checks failed (one a second). The check
# is the app's readiness (lib/api/health.ts): its database answers, its migrations are applied,
# and it is not shutting down, so an instance draining on SIGTERM leaves the rotation before it
# stops answering.
probe inkwell_health {
    .url = "/api/health/ready";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = inkwell.backend();

    # The edge is the one trusted hop in front of the app: whatever X-Forwarded-For a client
    # wrote is replaced by the address of its connection (the app runs with TRUSTED_PROXY_HOPS=1).
    # Behind a TLS terminator, that terminator must pass the reader's address with the PROXY
    # protocol (varnishd -a ...,PROXY), or every reader would share its address.
    set req.http.X-Forwarded-For = client.ip;

    if (req.method == "PURGE") {
        # Only with the secret, wherever the purge comes from: a proxy on this machine would
        # otherwise make every reader look local.
        if (std.getenv("EDGE_PURGE_SECRET") == "" ||
            req.http.x-purge-secret != std.getenv("EDGE_PURGE_SECRET")) {
            return (synth(403, "Purge not allowed"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the keys to purge in the xkey-purge header"));
        }
        # A hard purge: a copy that is out of date may be a retracted post, which must not come
        # back while the instances are down.
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged));
    }

    # Paths the app would read differently from the rules below (`/api/media/file/../../users`)
    # are refused rather than cached.
    if (req.url ~ "^[^?]*(/\.\.?(/|\?|$)|%2[eEfF]|%5[cC]|\\)") {
        return (synth(400, "Bad request"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        # Comment forms and server actions: kept so a failed instance's request can be retried
        # on another one (vcl_backend_error).
        std.cache_req_body(256KB);
        return (pass);
    }
    if (req.url ~ "^/(admin|preview|search)(/|\?|$)" ||
        (req.url ~ "^/api(/|\?|$)" && req.url !~ "^/api/media/file/")) {
        return (pass);
    }
    # Staff (Payload's session, or its API key) and draft mode see pages as they are, never a
    # shared copy.
    if (req.http.Authorization ||
        req.http.Cookie ~ "(^|;)\s*(payload-token|__prerender_bypass)\s*=") {
        return (pass);
    }
    # Reader pages do not depend on cookies; dropping them lets every reader share one copy.
    unset req.http.Cookie;

    # Nor on query strings (search and preview, which read theirs, went straight through
    # above): `/?anything` is the home page, not a new copy of it for each visitor to make.
    # Next's own `_rsc` is kept on its data requests (it checks it there); resized images keep
    # theirs.
    if (req.url ~ "\?" && req.url !~ "^/_next/") {
        if (req.http.RSC && req.url ~ "[?&]_rsc(=|&|$)") {
            set req.url = regsub(req.url, "^([^?]*)\?(?:.*&)?(_rsc(?:=[^&]*)?)(?:&.*)?$", "\1?\2");
        } else {
            set req.url = regsub(req.url, "\?.*$", "");
        }
    }

    # Next picks a resized image's format from Accept: one copy per format, not one per
    # browser's way of writing Accept.
    if (req.url ~ "^/_next/image\?") {
        if (req.http.Accept ~ "image/avif") {
            set req.http.Accept = "image/avif,image/webp,*/*";
        } elsif (req.http.Accept ~ "image/webp") {
            set req.http.Accept = "image/webp,*/*";
        } else {
            set req.http.Accept = "*/*";
        }
    }

    # Compression: the app compresses each answer once, when it is fetched; Varnish keeps at
    # most two copies of a page (gzip and plain, Accept-Encoding narrowed to those two) and
    # serves both from memory. Keeping only the gzip copy would cost a gunzip per plain request.
    if (req.http.Accept-Encoding ~ "gzip" &&
        req.http.Accept-Encoding !~ "gzip\s*;\s*q\s*=\s*0(\.0*)?\s*(,|$)") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }

    # While an instance is up, an expired copy is never served: the first reader after it
    # waits for a fresh one (readers asking at the same moment share that one fetch). With every
    # instance down, what is kept is served, and for a day past its week (grace). A purged page
    # is gone, so a retracted post never comes back this way.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }
    return (hash);
}

sub vcl_backend_response {
    if (!bereq.uncacheable) {
        # What may be cached is fetched whole before any of it goes out. An instance that dies
        # halfway through sending it is then retried on another (vcl_backend_error) instead of
        # cutting the reader's page short; streamed, it could not be. The app answers these from
        # its own cache, so waiting for the last byte costs little.
        set beresp.do_stream = false;
    }
    if (bereq.url ~ "^/(api/media/file/|_next/image\?)" && beresp.status == 200) {
        # Uploaded images and their resized copies: kept until media changes (the app purges
        # the media key), so a deleted or replaced image is gone at once.
        set beresp.http.xkey = "media";
    }
    if (beresp.http.xkey && beresp.status < 500 && !beresp.http.Set-Cookie) {
        # A page with keys is kept until a purge names one of them (a week at most); an address
        # that does not exist (404) for minutes only, so made-up addresses do not pile up.
        if (beresp.status == 404) {
            set beresp.ttl = 10m;
        } else {
            set beresp.ttl = 7d;
        }
        set beresp.grace = 1d;
        return (deliver);
    }
    if (bereq.url ~ "^/_next/static/") {
        # Next's build files, named by their content: as their Cache-Control says (a year).
        set beresp.grace = 1d;
        return (deliver);
    }
    # Nothing else is kept: no purge would ever name it (Next's prefetch answers, for one, carry
    # a day of s-maxage and no keys, so a retracted post would live on in them).
    set beresp.uncacheable = true;
    set beresp.ttl = 2m;
    return (deliver);
}

sub vcl_backend_fetch {
    # A retry goes to an instance not yet tried (inkwell_untried_backend, in backends.vcl), not
    # back to the turn-taking director, which could send it to the dead instance again before
    # the health checks have noticed.
    if (bereq.retries > 0) {
        call inkwell_untried_backend;
    }
}

sub vcl_backend_error {
    # An instance that refused or dropped the request: try the others before giving up.
    if (bereq.retries < 3) {
        set bereq.http.x-inkwell-tried = bereq.http.x-inkwell-tried + " " + beresp.backend.name + " ";
        return (retry);
    }
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    if (bereq.method == "POST") {
        # A comment posted while every instance is down: the script on the page shows its own
        # message and keeps the text; a form posted without script lands here.
        synthetic({"<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Comments are unavailable for a moment</title><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>Comments are unavailable for a moment</h1><p>Your comment was not sent. Go back: it is still in the form. Please try again in a few minutes.</p></body></html>"});
    } else {
        synthetic({"<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Back in a moment</title><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>Back in a moment</h1><p>This page cannot be shown right now. Please try again in a few minutes.</p></body></html>"});
    }
    return (deliver);
}

sub vcl_deliver {
    # Keys are for purging here; readers have no use for them.
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        synthetic(resp.reason);
        return (deliver);
    }
}
