/** "ICLR 2014" stays "ICLR 2014"; "Neural Networks" with 1989 becomes "Neural Networks (1989)". */
export function venueAndYear(venue: string, year: number | string): string {
  return new RegExp(`(^|\\D)${year}(\\D|$)`).test(venue) ? venue : `${venue} (${year})`;
}
