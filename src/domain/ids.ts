/** Ids compared by value, never as strings. */
export function sameId(a: string | number | bigint, b: string | number | bigint): boolean {
  try {
    return BigInt(a) === BigInt(b);
  } catch {
    return false;
  }
}
