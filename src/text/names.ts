/** Lower-case, accent-free, single-spaced: how names are matched against what fans type ("helio" finds Hélio). */
export function foldName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, " ")
    .trim();
}
