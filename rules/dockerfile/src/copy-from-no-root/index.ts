import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'wholeFilesystem';

export default createRule<MessageIds, Options>({
  name: 'copy-from-no-root',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow copying the whole filesystem of another stage or image (`COPY --from=x / /`)',
      recommended: true,
      sources: { hadolint: ['DL3067'] },
    },
    messages: {
      wholeFilesystem: 'This copies the entire filesystem of {{from}} into the root: copy the directories the image needs, or build FROM {{from}} instead.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      COPY(instruction) {
        const from = instruction.flags.find((flag) => flag.name === 'from');
        if (!from?.value) return;
        const flagsEnd = instruction.flags.at(-1)?.range[1] ?? instruction.argsRange[0];
        const paths = instruction.execForm
          ? instruction.execForm.elements.map((element) => ({ value: element.value, range: element.range }))
          : instruction.args.filter((argument) => argument.range[0] >= flagsEnd);
        if (paths.length !== 2 || paths.some((path) => unquote(path.value) !== '/')) return;
        context.report({ range: paths[0]!.range, messageId: 'wholeFilesystem', data: { from: from.value } });
      },
    };
  },
});

/** The shell-form word without one pair of wrapping quotes (`"/"` names `/`). */
function unquote(word: string): string {
  return /^(["']).*\1$/s.test(word) && word.length >= 2 ? word.slice(1, -1) : word;
}
