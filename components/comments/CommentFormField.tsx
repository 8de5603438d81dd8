import type { CommentInputName } from '@/lib/schemas/commentInputs'

type Props = {
  name: CommentInputName
  label: string
  value: string
  onChange: (value: string) => void
  maxLength: number
  required?: boolean
  error?: string
} & (
  | { rows: number; type?: never; autoComplete?: never }
  | { rows?: never; type: 'text' | 'email' | 'url'; autoComplete: string }
)

/**
 * One field of the comment form: its label, the input (a text area when it has rows) and its
 * error, tied together so the error is read out with the field and marks it invalid.
 */
export const CommentFormField = ({
  name,
  label,
  value,
  onChange,
  error,
  rows,
  ...input
}: Props) => {
  const id = `comment-${name}`
  const common = {
    id,
    name,
    required: input.required,
    maxLength: input.maxLength,
    value,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange(e.target.value),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  }
  return (
    <p className="field">
      <label htmlFor={id}>
        {label} {input.required && <span aria-hidden="true">*</span>}
      </label>
      {rows ? (
        <textarea rows={rows} {...common} />
      ) : (
        <input type={input.type} autoComplete={input.autoComplete} {...common} />
      )}
      {error && (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      )}
    </p>
  )
}
