/** The course's name, as the site header, page titles and the decks' title slides show it. */
export const courseName = 'Training Dynamics';
