/** An internal link found in content, with where it was written so a broken one can be reported precisely. */
export interface RecordedLink {
  /** Site-absolute URL, e.g. `/readings/saxe-2014/` or `/slides/emergence/#/outline`. */
  url: string;
  file: string;
  line: number;
  column: number;
}

// Shared between the remark pass that records links and the build hook that checks them against dist/:
// both are loaded from astro.config in one process, so module state is the simplest channel.
const links: RecordedLink[] = [];

export function recordLink(link: RecordedLink): void {
  const i = links.findIndex((l) => l.file === link.file && l.line === link.line && l.column === link.column);
  if (i >= 0) links[i] = link;
  else links.push(link);
}

export function recordedLinks(): readonly RecordedLink[] {
  return links;
}
