import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, test, vi } from 'vitest';
import { checkedGlob, explainYamlError } from '../../src/lib/content/checked-glob';

// Astro's glob loader is replaced by one whose load() throws what the test puts in `thrown`.
const inner = vi.hoisted(() => ({ thrown: undefined as unknown, options: undefined as unknown }));
vi.mock('astro/loaders', () => ({
  glob: (options: unknown) => {
    inner.options = options;
    return {
      name: 'glob-loader',
      load: async () => {
        if (inner.thrown !== undefined) throw inner.thrown;
      },
    };
  },
}));

/** An error shaped like the ones Astro throws: a name, the parser's reason, and `loc`. */
function yamlError(name: string, reason: string, loc?: { file?: string; line?: number; column?: number }): Error {
  const error = new Error(reason);
  error.name = name;
  return loc === undefined ? error : Object.assign(error, { loc });
}

const REASON = 'unexpected end of the stream within a flow collection';
const FILE = '/site/content/talks/demo-talk/turns/03-lin-asks-song.md';

describe('explainYamlError', () => {
  test('rewrites a front matter syntax error (MarkdownError) as file:line what: expected …, found …', () => {
    const error = yamlError('MarkdownError', REASON, { file: FILE, line: 4, column: 0 });
    const result = explainYamlError(error, 'front matter');
    expect(result).toBe(error);
    expect(error.message).toBe(`${FILE}:4 front matter: expected valid YAML, found a syntax error: ${REASON}`);
    expect([error.name, (error as Error & { loc: unknown }).loc]).toEqual([
      'MarkdownError',
      { file: FILE, line: 4, column: 0 },
    ]);
  });

  test.each(['YAMLException', 'YAMLParseError'])('rewrites a %s too', (name) => {
    const error = yamlError(name, 'bad indentation of a mapping entry', {
      file: 'content/speakers/he-yun.yaml',
      line: 3,
    });
    explainYamlError(error, 'speaker file');
    expect(error.message).toBe(
      'content/speakers/he-yun.yaml:3 speaker file: expected valid YAML, found a syntax error: bad indentation of a mapping entry',
    );
  });

  test('gives the file alone when the error has no line', () => {
    const error = yamlError('MarkdownError', REASON, { file: FILE });
    explainYamlError(error, 'front matter');
    expect(error.message).toBe(`${FILE} front matter: expected valid YAML, found a syntax error: ${REASON}`);
  });

  test.each([
    ['no location', undefined],
    ['a location without a file', { line: 4 }],
  ])('gives no place when the error has %s', (_name, loc) => {
    const error = yamlError('YAMLException', REASON, loc);
    explainYamlError(error, 'talk file');
    expect(error.message).toBe(`talk file: expected valid YAML, found a syntax error: ${REASON}`);
  });

  test.each([
    ['a TypeError', new TypeError('x is undefined')],
    [
      'a schema error',
      yamlError('InvalidContentEntryDataError', 'data does not match collection schema', { file: FILE }),
    ],
    ['a content check error', yamlError('ContentError', 'Content check failed with 1 problem:')],
  ])('leaves %s untouched', (_name, error) => {
    const message = error.message;
    expect(explainYamlError(error, 'front matter')).toBe(error);
    expect(error.message).toBe(message);
  });

  test.each([
    ['a string', 'MarkdownError'],
    ['undefined', undefined],
    ['an object named like a YAML error', { name: 'YAMLException', message: REASON }],
  ])('passes %s through unchanged', (_name, value) => {
    expect(explainYamlError(value, 'front matter')).toBe(value);
    if (typeof value === 'object') expect(value.message).toBe(REASON);
  });
});

describe('checkedGlob', () => {
  const context = {} as LoaderContext;
  const options = { base: 'content/talks', pattern: '*/talk.yaml' };

  test("keeps the glob loader's name and hands it the options", () => {
    const loader: Loader = checkedGlob(options, 'talk file');
    expect(loader.name).toBe('glob-loader');
    expect(inner.options).toBe(options);
  });

  test('loads as the glob loader does when nothing fails', async () => {
    inner.thrown = undefined;
    await expect(checkedGlob(options).load(context)).resolves.toBeUndefined();
  });

  test('rethrows a YAML syntax error explained, naming what the file is', async () => {
    const error = yamlError('YAMLException', REASON, { file: 'content/talks/demo-talk/talk.yaml', line: 2 });
    inner.thrown = error;
    await expect(checkedGlob(options, 'talk file').load(context)).rejects.toBe(error);
    expect(error.message).toBe(
      `content/talks/demo-talk/talk.yaml:2 talk file: expected valid YAML, found a syntax error: ${REASON}`,
    );
  });

  test('calls the file "front matter" by default', async () => {
    const error = yamlError('MarkdownError', REASON, { file: FILE, line: 4 });
    inner.thrown = error;
    await expect(checkedGlob(options).load(context)).rejects.toBe(error);
    expect(error.message).toBe(`${FILE}:4 front matter: expected valid YAML, found a syntax error: ${REASON}`);
  });

  test('rethrows any other error as it is', async () => {
    const error = new TypeError('boom');
    inner.thrown = error;
    await expect(checkedGlob(options).load(context)).rejects.toBe(error);
    expect(error.message).toBe('boom');
    expect(error.stack).toContain('boom');
  });

  test('drops the stack trace of a content file’s error, which Astro would print under the message', async () => {
    const yaml = yamlError('YAMLException', REASON, { file: FILE, line: 4 });
    const schema = Object.assign(new Error('turns → x data does not match collection schema.'), {
      name: 'InvalidContentEntryDataError',
    });
    for (const error of [yaml, schema]) {
      inner.thrown = error;
      await expect(checkedGlob(options).load(context)).rejects.toBe(error);
      expect(error.stack, error.name).toBe('');
    }
  });
});
