/**
 * JSON transcripts read with jsonc-parser (VS Code's JSON parser): unlike JSON.parse, it gives
 * every value's place in the file, so a problem or a label can be reported by its line.
 * Comments and trailing commas are refused: the files are plain JSON.
 */
import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { ImportError, type SourceLine } from '../transcript';

export type { Node as JsonNode } from 'jsonc-parser';

export interface JsonSource {
  root: Node;
  /** The 1-based file line a node starts on. */
  lineOf(node: Node): number;
}

/** Parses the lines as one JSON document; a syntax error stops the import at its line. */
export function parseJson(lines: SourceLine[], file: string): JsonSource {
  const text = lines.map((line) => line.text).join('\n');
  const starts = [0];
  for (const line of lines.slice(0, -1)) starts.push(starts.at(-1)! + line.text.length + 1);
  const first = lines[0]?.line ?? 1;
  // The last line starting at or before the offset (binary search: files can be long).
  const lineAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return first + low;
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const error = errors[0];
  if (error || !root) {
    throw new ImportError(
      file,
      lineAt(error?.offset ?? 0),
      `expected valid JSON, found a syntax error (${error ? printParseErrorCode(error.error) : 'no value'})`,
    );
  }
  return { root, lineOf: (node) => lineAt(node.offset) };
}

/** The value at `key` of an object node. */
export const field = (node: Node, key: string): Node | undefined =>
  node.type === 'object' ? findNodeAtLocation(node, [key]) : undefined;

/** A node as a plain value. */
export const valueOf = (node: Node | undefined): unknown => (node === undefined ? undefined : getNodeValue(node));

/** What a value is, for messages: "text", "a number", "an object", … */
export function kindOf(node: Node | undefined): string {
  if (node === undefined) return 'nothing';
  const kinds: Record<Node['type'], string> = {
    object: 'an object',
    array: 'a list',
    property: 'a property',
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    null: 'null',
  };
  return kinds[node.type];
}
