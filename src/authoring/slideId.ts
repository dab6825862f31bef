import { slug } from 'github-slugger';

/** The stable id of a slide: the GitHub-style slug of its first heading (what deep links `#/<id>` use). */
export function slideId(headingText: string): string {
  return slug(headingText.trim());
}
