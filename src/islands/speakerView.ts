/**
 * Styles reveal.js's speaker view, which the notes plugin writes into a blank window with its own inline CSS and
 * no option to extend it (reveal.js 6.0, plugin/notes). The speaker view loads this deck again, with `?receiver`,
 * in its current-slide and upcoming-slide frames; from there, on the same origin, we add one stylesheet to the
 * speaker window. It moves the "Upcoming" label and the "Layout" selector into a band above the upcoming-slide
 * preview, where they used to cover the next slide's title.
 */
const CSS = `
#upcoming-slide { padding-top: 46px; }
#upcoming-slide .label { top: 6px; left: 6px; }
#speaker-layout { top: 6px; right: 6px; }
`;

export function styleSpeakerView(): void {
  if (!new URLSearchParams(location.search).has('receiver') || window.parent === window) return;
  let doc: Document;
  try {
    doc = window.parent.document;
  } catch {
    return; // not our speaker view (another origin)
  }
  if (!doc.getElementById('upcoming-slide') || doc.getElementById('course-speaker-view-style')) return;
  const style = doc.createElement('style');
  style.id = 'course-speaker-view-style';
  style.textContent = CSS;
  doc.head.append(style);
}
