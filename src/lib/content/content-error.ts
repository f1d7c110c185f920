/**
 * An error whose message is all an editor needs (the file, the field, what was expected and what
 * was found), thrown without a stack trace: Astro prints one under any error that has it
 * (astro/dist/core/messages.js), and so does the Markdown processor, which console.errors a
 * plugin's error before Astro's loader logs its message (@astrojs/markdown-remark). A trace of
 * the site's own code under an editor's mistake only buries the message.
 */
export function contentError(message: string): Error {
  const error = new Error(message);
  error.stack = '';
  return error;
}
