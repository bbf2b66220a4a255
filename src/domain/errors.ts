/**
 * A rule of the domain said no. Services and queries throw it with a code (and, when the
 * refusal is about one input, the field it belongs to); they know nothing of HTTP statuses
 * or of wording. `src/http/refusals.ts` alone turns a code into a status and a French message.
 */
export class DomainError<Code extends string = string> extends Error {
  override name = "DomainError";
  readonly field: string | undefined;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(
    readonly code: Code,
    details: { field?: string; params?: Record<string, string | number> } = {},
  ) {
    super(code);
    this.field = details.field;
    this.params = details.params ?? {};
  }
}
