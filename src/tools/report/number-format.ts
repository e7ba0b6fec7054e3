/** Counts and shares as the page prints them: "12,480", "78.4%", "–" for no value. */
const NO_VALUE = "–";

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

export function formatShare(share: number | undefined): string {
  return share === undefined ? NO_VALUE : `${(share * 100).toFixed(1)}%`;
}
