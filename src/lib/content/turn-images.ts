/**
 * Which images a turn may show (docs/security.md). A transcript is words: images appear only
 * where the talk allows them (talk.yaml `images: true`), and then only the talk's own files
 * (content/talks/<talk>/images/, url-safety.ts IMAGE_RULE), which must exist. A remote image is
 * never published: it would load from another host on every visit (the CSP refuses it, so
 * readers would see it broken) and could change after review. An image must describe itself in
 * its alt text, and carry no title: Astro renders a titled image as broken markup
 * (`<img __ASTRO_IMAGE_=…>`), and a title shows only on hover anyway.
 *
 * Used by the content check (src/lib/content/catalog.ts), which knows the talk and the files, and by
 * remark-images.ts, the safety net at render time, which knows neither.
 */
import { IMAGE_FOLDER, IMAGE_RULE, imageFile } from '../url-safety';
import { clip, show as quote } from '../text/messages';

/** An image in a turn body, as Markdown wrote it. */
export interface TurnImage {
  url: string;
  title: string | undefined;
  alt: string;
  /** Line in the body, from 1. */
  line: number;
  /** Written as a reference (`![alt][label]`), whose URL is elsewhere. */
  reference: boolean;
}

/** The talk an image is checked against: its slug, its `images` flag, and the content files. */
export interface ImageContext {
  slug: string;
  images: boolean;
  /** Whether a file exists, by its path under the content folder. */
  fileExists: (contentPath: string) => boolean;
}

const show = (text: string) => quote(clip(text));

/**
 * Why the image is not published ("Unexpected …: expected …, found …"), or undefined when it
 * is. Without a `talk`, only the rules that need no talk apply.
 */
export function imageProblem(image: TurnImage, talk?: ImageContext): string | undefined {
  if (image.reference)
    return `Unexpected image reference ![${clip(image.alt)}][…]: expected an inline image ![what it shows](${IMAGE_FOLDER}<name>.png), found a reference`;
  const shown = show(image.url);
  const file = imageFile(image.url);
  if ('problem' in file) return `Unexpected image ${shown}: expected ${IMAGE_RULE}, found ${file.problem}`;
  if (talk && !talk.images) {
    return `Unexpected image ${shown}: expected no images in this talk, found one (set \`images: true\` in its talk.yaml to publish the talk's own image files)`;
  }
  const path = talk ? `talks/${talk.slug}/${file.file}` : undefined;
  if (talk && path && !talk.fileExists(path))
    return `Unexpected image ${shown}: expected the file content/${path}, found none`;
  if (image.title !== undefined)
    return `Unexpected image title ${show(image.title)} on ${shown}: expected no title (describe the image in its alt text), found one`;
  if (image.alt.trim() === '')
    return `Unexpected image ${shown} without a description: expected ![what it shows](${image.url}), found empty alt text`;
  return undefined;
}
