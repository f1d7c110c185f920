// Prettier: one layout for every file it understands, so reviews show changes, not spacing.
// The options are the ones that match how the code was already written (2-space indent,
// semicolons, single quotes, trailing commas, parentheses around arrow parameters); only the
// line width differs from Prettier's default, to the house limit of ~120 characters.
// .astro templates are not formatted: see .prettierignore.
/** @type {import('prettier').Config} */
export default {
  printWidth: 120,
  singleQuote: true,
};
