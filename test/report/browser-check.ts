/**
 * Opens a report in headless Chromium (Debian's `chromium`, driven by playwright-core) and
 * measures what a person would see: horizontal overflow, chart labels outside their SVG, whether
 * the verdict is on the first screen, and axe-core's accessibility findings. Saves a screenshot
 * per width, one in dark mode and one of the print layout.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1600, height: 900 },
] as const;

export interface WidthFinding {
  width: number;
  /** document scroll width beyond the viewport (0 = nothing overflows). */
  overflowPx: number;
  /** Elements whose box pokes out of the viewport on the right. */
  overflowing: string[];
  /** Chart texts outside their SVG's box (clipped labels). */
  clippedLabels: string[];
  /** Chart texts (marker labels, axis labels, threshold) that overlap one another. */
  overlappingLabels: string[];
  /** Bottom of the verdict block relative to the first screen's height. */
  verdictBottom: number;
  screenHeight: number;
  screenshot: string;
}

/** Widths measured without a screenshot, around every breakpoint of the page's CSS. */
export const SWEEP_WIDTHS = [360, 400, 480, 599, 600, 601, 700, 819, 820, 821, 1024, 1280, 1440, 1600];

export interface BrowserFindings {
  widths: WidthFinding[];
  /** Every sweep width with what overflowed or was clipped there (empty lists: nothing). */
  sweep: Array<{
    width: number;
    overflowPx: number;
    overflowing: string[];
    clippedLabels: string[];
    overlappingLabels: string[];
  }>;
  axeViolations: Array<{ id: string; impact: string | null; help: string; nodes: string[] }>;
  dark: string;
  print: string;
  pdf: string;
  verdictText: string;
}

// Runs in the page (plain JavaScript: this project compiles without the DOM library).
const MEASURE_IN_PAGE = `(() => {
  const doc = document.documentElement;
  const vw = doc.clientWidth;
  const describe = (el) =>
    el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.getAttribute('class') ? '.' + el.getAttribute('class').split(/\\s+/).join('.') : '');
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const overflowing = [...document.querySelectorAll('body *')]
    .filter((el) => visible(el) && !el.closest('svg') && el.getBoundingClientRect().right > vw + 0.5)
    .map((el) => describe(el) + ' right=' + Math.round(el.getBoundingClientRect().right));
  const clippedLabels = [];
  const overlappingLabels = [];
  for (const svg of document.querySelectorAll('svg.chart')) {
    if (!visible(svg) || !svg.viewBox.baseVal || svg.viewBox.baseVal.width === 0) continue;
    if (svg.getBoundingClientRect().right > vw + 0.5) overflowing.push(describe(svg));
    const vb = svg.viewBox.baseVal;
    const lanes = [];
    for (const text of svg.querySelectorAll('text')) {
      const b = text.getBBox();
      if (b.x < vb.x - 0.5 || b.y < vb.y - 0.5 || b.x + b.width > vb.x + vb.width + 0.5 || b.y + b.height > vb.y + vb.height + 0.5)
        clippedLabels.push(svg.getAttribute('aria-labelledby') + ': "' + text.textContent + '" x=' + b.x.toFixed(0) + '..' + (b.x + b.width).toFixed(0) + ' of ' + vb.width);
      lanes.push({ box: b, text: text.textContent || '' });
    }
    for (let i = 0; i < lanes.length; i++)
      for (let j = i + 1; j < lanes.length; j++) {
        const a = lanes[i].box;
        const c = lanes[j].box;
        if (a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height && c.y < a.y + a.height)
          overlappingLabels.push('"' + lanes[i].text + '" / "' + lanes[j].text + '"');
      }
  }
  const verdict = document.querySelector('.verdict');
  return {
    overflowPx: Math.max(0, doc.scrollWidth - vw),
    overflowing,
    clippedLabels,
    overlappingLabels,
    verdictBottom: verdict ? verdict.getBoundingClientRect().bottom + window.scrollY : 1e9,
  };
})()`;

async function measure(page: Page): Promise<Omit<WidthFinding, 'width' | 'screenshot' | 'screenHeight'>> {
  return page.evaluate<Omit<WidthFinding, 'width' | 'screenshot' | 'screenHeight'>>(MEASURE_IN_PAGE);
}

export async function checkReportInBrowser(options: {
  executablePath: string;
  reportPath: string;
  outDir: string;
  name: string;
}): Promise<BrowserFindings> {
  const profile = mkdtempSync(join(tmpdir(), 'dhash-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1600, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`file://${options.reportPath}`);
    const widths: WidthFinding[] = [];
    for (const vp of VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      const found = await measure(page);
      const screenshot = join(options.outDir, `${options.name}-${vp.width}px.png`);
      await page.screenshot({ path: screenshot, fullPage: true });
      widths.push({ width: vp.width, screenHeight: vp.height, screenshot, ...found });
    }
    const sweep: BrowserFindings['sweep'] = [];
    for (const width of SWEEP_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const { overflowPx, overflowing, clippedLabels, overlappingLabels } = await measure(page);
      sweep.push({ width, overflowPx, overflowing, clippedLabels, overlappingLabels });
    }
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = join(options.outDir, `${options.name}-768px-dark.png`);
    await page.screenshot({ path: dark, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light', media: 'print' });
    const print = join(options.outDir, `${options.name}-print.png`);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: print, fullPage: true });
    const pdf = join(options.outDir, `${options.name}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    await page.setViewportSize({ width: 1600, height: 900 });
    const verdictText = (await page.textContent('.verdict')) ?? '';

    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    // axe-core in both colour schemes: contrast must hold in dark mode too.
    const axeViolations: BrowserFindings['axeViolations'] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ media: 'screen', colorScheme });
      const axe = await page.evaluate<{
        violations: Array<{
          id: string;
          impact: string | null;
          help: string;
          nodes: Array<{ target: string[] }>;
        }>;
      }>("axe.run(document, { resultTypes: ['violations'] })");
      for (const v of axe.violations)
        axeViolations.push({
          id: `${v.id} (${colorScheme})`,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => n.target.join(' ')),
        });
    }
    return {
      widths,
      sweep,
      axeViolations,
      dark,
      print,
      pdf,
      verdictText,
    };
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Renders Mermaid diagrams with Mermaid itself in the browser (as GitHub does for job
 * summaries): each diagram's SVG, or the parse or render error.
 */
export async function renderMermaidInBrowser(options: {
  executablePath: string;
  diagrams: string[];
}): Promise<Array<{ ok: boolean; svg?: string; error?: string }>> {
  const profile = mkdtempSync(join(tmpdir(), 'dhash-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({
      content: readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8'),
    });
    return await page.evaluate<Array<{ ok: boolean; svg?: string; error?: string }>>(`(async () => {
      mermaid.initialize({ startOnLoad: false });
      const out = [];
      const diagrams = ${JSON.stringify(options.diagrams)};
      for (let i = 0; i < diagrams.length; i++) {
        try {
          const r = await mermaid.render('m' + i, diagrams[i]);
          out.push({ ok: true, svg: r.svg });
        } catch (e) {
          out.push({ ok: false, error: String((e && e.message) || e) });
        }
      }
      return out;
    })()`);
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
