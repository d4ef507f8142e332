/**
 * The rule for module, node and option ids. A module of its own so code that only checks an id
 * (the SCORM launch on the first page) does not load the whole schema (README.md, "Size").
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
