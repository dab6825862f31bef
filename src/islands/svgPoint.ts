/**
 * Maps a pointer position to the SVG's viewBox coordinates through its screen transform, which includes
 * reveal's CSS scale of the slide — so clicks land where they look, at any presentation size.
 */
export function svgPoint(svg: SVGSVGElement, clientX: number, clientY: number): { x: number; y: number } {
  const matrix = svg.getScreenCTM();
  if (!matrix) return { x: NaN, y: NaN };
  const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
  return { x: p.x, y: p.y };
}
