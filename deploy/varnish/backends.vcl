# The app instances of docker-compose's scale profile. The edge spreads requests over them in
# turn and skips any that fails its health check (inkwell_health, in inkwell.vcl).
backend app1 {
    .host = "app1";
    .port = "3000";
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .probe = inkwell_health;
}

backend app2 {
    .host = "app2";
    .port = "3000";
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .probe = inkwell_health;
}

sub vcl_init {
    new inkwell = directors.round_robin();
    inkwell.add_backend(app1);
    inkwell.add_backend(app2);
}

# For a retry (inkwell.vcl): the first instance not yet tried for this request.
sub inkwell_untried_backend {
    if (bereq.http.x-inkwell-tried !~ " app1 ") {
        set bereq.backend = app1;
    } elsif (bereq.http.x-inkwell-tried !~ " app2 ") {
        set bereq.backend = app2;
    }
}
