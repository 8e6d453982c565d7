// Electronegativity through its API (its command line exits 0 on findings),
// over the sources of every Electron-facing folder. Fails on any finding that
// is not disabled inline, and on any inline disable without a written reason.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

interface Issue {
  id: string;
  file: string;
  location?: { line: number };
  description: string;
  manualReview: boolean;
}

type Run = (
  options: { input: string; isRelative: boolean; electronVersionOverride: string },
  forCli: boolean,
) => Promise<{ issues: Issue[]; errors: { file: string; message: string }[] }>;

const SCANNED = ['main', 'preload', 'renderer/index.html', 'renderer/src', 'package.json'];
/** Every inline disable needs a `reviewed: why` on its own line or the line before. */
const REASON = /reviewed: .{10,}/;
const justified = (lines: string[], i: number) =>
  REASON.test(lines[i] ?? '') || REASON.test(lines[i - 1] ?? '');

function copySources(root: string): string {
  const stage = mkdtempSync(join(tmpdir(), 'wf-eng-'));
  for (const path of SCANNED) cpSync(join(root, path), join(stage, path), { recursive: true });
  return stage;
}

function unjustifiedDisables(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(...disablesWithoutReason(root, path));
    }
  };
  for (const path of ['main', 'preload', 'renderer/src']) walk(join(root, path));
  found.push(...disablesWithoutReason(root, join(root, 'renderer/index.html')));
  return found;
}

function disablesWithoutReason(root: string, path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  return lines.flatMap((line, i) =>
    line.includes('eng-disable') && !justified(lines, i)
      ? [`${relative(root, path)}:${i + 1}: eng-disable without a "reviewed: why" comment`]
      : [],
  );
}

/**
 * What Electronegativity does not know about our shell: the renderer URL may
 * come from the environment only through chooseRendererUrl (which ignores it
 * when packaged), file: URLs are built only to read the renderer folder for
 * app://, and no code opens DevTools.
 */
const SHELL_RULES: { pattern: RegExp; allowed: RegExp; why: string }[] = [
  {
    pattern: /ELECTRON_RENDERER_URL/,
    allowed: /chooseRendererUrl\(app\.isPackaged, process\.env\.ELECTRON_RENDERER_URL\)/,
    why: 'ELECTRON_RENDERER_URL read outside chooseRendererUrl(app.isPackaged, …)',
  },
  {
    pattern: /pathToFileURL|['"`]file:|\.loadFile\(/,
    allowed:
      /^import \{ pathToFileURL \} from 'node:url';$|^\s*return net\.fetch\(pathToFileURL\(file\)/,
    why: 'renderer loaded from file: (its origin is "null"); use app://',
  },
  { pattern: /openDevTools\(/, allowed: /^$/, why: 'DevTools opened by code' },
];

export function shellProblems(root: string): string[] {
  const dir = join(root, 'main/electron');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .flatMap((name) => {
      const lines = readFileSync(join(dir, name), 'utf8').split('\n');
      return lines.flatMap((line, i) =>
        SHELL_RULES.filter((r) => r.pattern.test(line) && !r.allowed.test(line)).map(
          (r) => `main/electron/${name}:${i + 1}: ${r.why}`,
        ),
      );
    });
}

export async function scan(root: string): Promise<string[]> {
  const stage = copySources(root);
  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;
  const quiet = console.log;
  console.log = () => undefined; // it narrates its update check
  try {
    const version = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        devDependencies: Record<string, string>;
      }
    ).devDependencies.electron as string;
    const result = await run(
      { input: stage, isRelative: true, electronVersionOverride: version },
      false,
    );
    const problems = result.issues.map(
      (i) => `${i.file}:${i.location?.line ?? 0} ${i.id}: ${i.description}`,
    );
    problems.push(...result.errors.map((e) => `${e.file}: parse error: ${e.message}`));
    problems.push(...unjustifiedDisables(root));
    problems.push(...shellProblems(root));
    return problems;
  } finally {
    console.log = quiet;
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const problems = await scan(process.cwd());
  if (problems.length) {
    console.error(`electronegativity: ${problems.length} finding(s) not justified inline:`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log('electronegativity: no unjustified findings');
}
