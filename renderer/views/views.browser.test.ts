import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordTrace } from '../../core/run/record.ts';
import { Runner } from '../../core/run/runner.ts';
import { probeUnderTest } from '../../core/run/probe-under-test.ts';
import { encodeJsonl } from '../../core/trace/jsonl.ts';
import { TraceIndex } from '../derive/index.ts';
import { browserLaunch } from '../../e2e/browser.ts';

/**
 * The views in a real browser (Debian's Chromium) on their dev page, over traces of real Python runs:
 * what a learner sees at a chosen instant, keyboard moves, and the SVG export.
 */
const lessons = resolve(import.meta.dirname, '../../assets/lessons');
const folder = mkdtempSync(join(tmpdir(), 'yieldscope-views-'));

let server: ViteDevServer;
let browser: Browser;
let page: Page;
let runner: Runner;
/** Script errors on the page (an effect that loops, a throw in a handler): the views must have none. */
const pageErrors: string[] = [];

/** A lesson's program, by its folder and file (`06-producer_consumer/producer_consumer`), run in its folder as the app runs it. */
async function recorded(lesson: string): Promise<{ url: string; index: TraceIndex }> {
  const { readFile } = await import('node:fs/promises');
  const program = join(lessons, `${lesson}.py`);
  const { trace } = await recordTrace(
    { source: await readFile(program, 'utf8'), programDir: dirname(program) },
    runner,
  );
  const file = join(folder, `${lesson.replace('/', '-')}.jsonl`);
  writeFileSync(file, encodeJsonl(trace));
  return { url: `${server.resolvedUrls!.local[0]}?jsonl=/@fs${file}`, index: new TraceIndex(trace).update() };
}

/** Clicks an export button and reads the file the page downloads. */
async function downloaded(on: Page, button: string, name: string): Promise<string> {
  const [download] = await Promise.all([on.waitForEvent('download'), on.click(button)]);
  const file = join(folder, name);
  await download.saveAs(file);
  return readFileSync(file, 'utf8');
}

async function open(url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(
    () => ((window as unknown as { __ys?: { openTimes: number[] } }).__ys?.openTimes[0] ?? -1) > 0,
  );
}

describe('views in Chromium', () => {
  beforeAll(async () => {
    const launch = browserLaunch(); // first: with no browser, the one line that says how to get one
    runner = new Runner({ probe: probeUnderTest() });
    server = await createServer({
      configFile: resolve(import.meta.dirname, 'dev/vite.config.ts'),
      server: { port: 0, host: '127.0.0.1', fs: { allow: [resolve(import.meta.dirname, '../..'), folder] } },
    });
    await server.listen();
    browser = await chromium.launch(launch);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await page.addInitScript('window.__name = (f) => f;');
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await runner?.close();
  });

  it('shows producer and consumer lanes, 10 items when the deque is full and 9 one event earlier', async () => {
    const { url, index } = await recorded('06-producer_consumer/producer_consumer');
    const buffer = index.deques.tracks.find((t) => t.maxlen === 10)!;
    const fullAt = buffer.log.seqs.data[buffer.lens.data.indexOf(10)];
    await open(`${url}&seq=${fullAt}`);
    await expect
      .poll(() => page.locator('[data-testid=lane-label]').allTextContents())
      .toEqual(expect.arrayContaining(['main', 'producer', 'consumer']));
    const slots = page.locator(`[data-testid=deque][data-name="${buffer.name}"] [data-testid=deque-slot]`);
    await expect.poll(() => slots.count()).toBe(10);
    await page.focus('[data-testid=timeline]');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slots.count()).toBe(9);
    await expect
      .poll(() =>
        page
          .locator(`[data-testid=deque][data-name="${buffer.name}"] [data-testid=deque-length]`)
          .textContent(),
      )
      .toContain('len 9');
    await page.keyboard.press('Shift+ArrowRight');
    const cursorAt = () =>
      page.evaluate(() => (window as unknown as { __ys: { cursor: { at: number } } }).__ys.cursor.at);
    // The cursor was one event before the full deque: it moves on to the next switch.
    await expect.poll(cursorAt).toBeGreaterThan(fullAt - 1);
    const s = index.timeline.switches.seq;
    expect(Array.from(s.data.subarray(0, s.size))).toContain(await cursorAt());
  });

  it('fits every slot of a full deque(maxlen=10) into a narrow panel', async () => {
    const { url, index } = await recorded('06-producer_consumer/producer_consumer');
    const buffer = index.deques.tracks.find((t) => t.maxlen === 10)!;
    const fullAt = buffer.log.seqs.data[buffer.lens.data.indexOf(10)];
    await page.setViewportSize({ width: 640, height: 900 });
    try {
      await open(`${url}&seq=${fullAt}`);
      const deque = page.locator(`[data-testid=deque][data-name="${buffer.name}"]`);
      const slots = deque.locator('[data-testid=deque-slot]');
      await expect.poll(() => slots.count()).toBe(10);
      // Where the slots rest, once the append has slid in.
      await page.waitForFunction(() => document.getAnimations().length === 0);
      const panel = (await deque.boundingBox())!;
      expect(panel.width).toBeLessThan(300);
      for (const box of await slots.evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect().toJSON()),
      )) {
        expect(box.right).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
        expect(box.width).toBeGreaterThan(20);
      }
      // The export draws the same wrapped lines as the panel, as a file that parses as SVG.
      const shownLines = new Set(
        await slots.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top))),
      ).size;
      expect(shownLines).toBeGreaterThanOrEqual(2);
      const svg = await downloaded(page, 'section.deques header button:has-text("SVG")', 'deques.svg');
      const exported = await page.evaluate(
        ({ svg, name }) => {
          const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
          const deque = [...doc.querySelectorAll('g.deque')].find(
            (g) => g.getAttribute('data-name') === name,
          );
          const slots = [...(deque?.querySelectorAll('rect.slot.item') ?? [])];
          return {
            root: doc.documentElement.nodeName,
            errors: doc.getElementsByTagName('parsererror').length,
            slots: slots.length,
            lines: new Set(slots.map((r) => r.getAttribute('y'))).size,
          };
        },
        { svg, name: buffer.name },
      );
      expect(exported).toEqual({ root: 'svg', errors: 0, slots: 10, lines: shownLines });
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('says there are no events yet before a run', async () => {
    await page.goto(`${server.resolvedUrls!.local[0]}?events=0`);
    await expect
      .poll(() => page.locator('[data-testid=timeline-empty]').textContent())
      .toBe('No events yet — run a program or open a trace.');
    expect(await page.locator('[data-testid=cursor-position]').textContent()).toBe('no events');
  });

  it('zooms with the keys and the wheel, pans sideways, shows the window on the overview and details on hover', async () => {
    await page.goto(`${server.resolvedUrls!.local[0]}?events=2000&seq=1000`);
    await page.waitForFunction(
      () => ((window as unknown as { __ys?: { openTimes: number[] } }).__ys?.openTimes[0] ?? -1) > 0,
    );
    const ticks = () => page.locator('[data-testid=timeline] svg.axis .tick text').allTextContents();
    const first = async () => Number((await ticks())[0].replace(/[#,]/g, ''));
    const brush = page.locator('[data-testid=timeline] .overview .selection');
    // The whole run in view: the axis starts at the first event once it is drawn.
    await expect.poll(async () => (await ticks())[0]).toBe('#0');
    const whole = await ticks();
    await page.focus('[data-testid=timeline]');
    await page.keyboard.press('+');
    await expect.poll(first).toBeGreaterThan(0);
    // Zoomed around the cursor (event 1000), and the overview marks the part in view.
    const zoomed = await ticks();
    expect(Number(zoomed[0].replace(/[#,]/g, ''))).toBeLessThan(1000);
    expect(Number(zoomed.at(-1)!.replace(/[#,]/g, ''))).toBeGreaterThan(1000);
    await expect.poll(async () => (await brush.boundingBox())?.width ?? 0).toBeGreaterThan(10);
    const overlay = page.locator('[data-testid=timeline] svg.overlay');
    const box = (await overlay.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 10);
    const before = await first();
    await page.mouse.wheel(400, 0);
    await expect.poll(first).toBeGreaterThan(before);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await ticks()).join()).not.toBe(zoomed.join());
    await expect
      .poll(() => page.locator('[data-testid=timeline] [role=tooltip]').textContent())
      .toMatch(/^#\d+ /);
    await page.keyboard.press('PageUp');
    await page.click('[data-testid=timeline] header button:has-text("fit")');
    await expect.poll(ticks).toEqual(whole);
    await expect.poll(() => brush.isVisible()).toBe(false);
  });

  it('says where a printed line goes on the line under the pointer', async () => {
    await open(`${server.resolvedUrls!.local[0]}?events=3000`);
    const output = page.getByTestId('console');
    const titled = () =>
      output.locator('button[title]').evaluateAll((b) => b.map((e) => e.getAttribute('title')));
    await output.locator('button').last().hover();
    await expect.poll(titled).toEqual([expect.stringMatching(/^Go to event [\d,]+, when this was printed$/)]);
    expect(await output.locator('button').last().getAttribute('title')).toMatch(/^Go to event/);
    await page.mouse.move(0, 0);
    await expect.poll(titled).toEqual([]);
  });

  it('follows the live edge at the zoomed-in width while events stream in, and stops once scrolled back', async () => {
    await page.goto(`${server.resolvedUrls!.local[0]}?events=400000&batch=1000&stream=30`);
    const ticks = async () =>
      (await page.locator('[data-testid=timeline] svg.axis .tick text').allTextContents()).map((t) =>
        Number(t.replace(/[#,]/g, '')),
      );
    const size = () =>
      page.evaluate(() => (window as unknown as { __ys: { trace: { size: number } } }).__ys.trace.size);
    await expect.poll(size).toBeGreaterThan(5000);
    await page.focus('[data-testid=timeline]');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('End');
    const live = page.locator('[data-testid=timeline] header button:has-text("live")');
    await expect.poll(() => live.evaluate((b) => b.classList.contains('live'))).toBe(true);
    const early = await ticks();
    await expect.poll(async () => (await ticks())[0]).toBeGreaterThan(early.at(-1)!);
    const later = await ticks();
    // Zoomed in: the window keeps its width as it moves with the newest events.
    expect(later[0]).toBeGreaterThan(0);
    expect(later.at(-1)! - later[0]).toBeLessThan((early.at(-1)! - early[0]) * 1.5);
    await page.keyboard.press('PageUp');
    await expect.poll(() => live.evaluate((b) => b.classList.contains('live'))).toBe(false);
    const stopped = await ticks();
    const grown = await size();
    await expect.poll(size).toBeGreaterThan(grown + 3000);
    expect(await ticks()).toEqual(stopped);
  });

  it('keeps the lines that fill the console while output streams at its newest line, and its whole scrollback once scrolled up', async () => {
    await page.goto(`${server.resolvedUrls!.local[0]}?events=400000&batch=1000&stream=30`);
    const output = page.getByTestId('console');
    const lines = output.locator('button');
    const size = () =>
      page.evaluate(() => (window as unknown as { __ys: { trace: { size: number } } }).__ys.trace.size);
    // Printed by then: more lines than the scrollback of 200.
    await expect.poll(size).toBeGreaterThan(5000);
    const kept = await lines.count();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(200);
    // The kept lines fill the box, the newest in view at its bottom.
    const box = (await output.boundingBox())!;
    const bottom = async () => {
      const newest = (await lines.last().boundingBox())!;
      return newest.y + newest.height;
    };
    expect((await lines.first().boundingBox())!.y).toBeLessThanOrEqual(box.y);
    expect(Math.abs((await bottom()) - (box.y + box.height))).toBeLessThan(2);
    await output.hover();
    await page.mouse.wheel(0, -100);
    await expect.poll(() => lines.count()).toBe(200);
    // Scrolled back: the newest line is below the view, the scrollback having grown above it.
    expect(await bottom()).toBeGreaterThan(box.y + box.height);
  });

  it('exports the timeline as a file that parses as SVG', async () => {
    const text = await downloaded(page, '[data-testid=timeline] button:has-text("SVG")', 'timeline.svg');
    const parsed = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length };
    }, text);
    expect(parsed).toEqual({ root: 'svg', errors: 0 });
  });

  it('exports the timeline with the marks the screen drew for the same window', async () => {
    const { url } = await recorded('06-producer_consumer/producer_consumer');
    const own = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    try {
      await own.addInitScript('window.__name = (f) => f;');
      await own.addInitScript(recordLaneMarks);
      await own.goto(`${url}&seq=60`);
      await own.waitForFunction(
        () => ((window as unknown as { __ys?: { openTimes: number[] } }).__ys?.openTimes[0] ?? -1) > 0,
      );
      // A window of a few dozen events: bars, labelled markers, connectors, the cursor inside it.
      await own.focus('[data-testid=timeline]');
      const ticks = own.locator('[data-testid=timeline] svg.axis .tick text');
      const paints = () => own.evaluate(() => (window as unknown as { __lanePaints: number }).__lanePaints);
      for (let k = 0; k < 3; k++) {
        const [before, painted] = [(await ticks.allTextContents()).join(), await paints()];
        await own.keyboard.press('+');
        await expect.poll(async () => (await ticks.allTextContents()).join()).not.toBe(before);
        // The axis changes as the key is handled; the lanes are painted in the next frame.
        await expect.poll(paints).toBeGreaterThan(painted);
      }
      const screen = await own.evaluate(() => (window as unknown as { __laneMarks: Mark[] }).__laneMarks);
      const svg = await downloaded(
        own,
        '[data-testid=timeline] button:has-text("SVG")',
        'timeline-marks.svg',
      );
      const exported = await own.evaluate(exportedMarks, svg);
      expect(screen.map((m) => m.kind)).toEqual(expect.arrayContaining(['rect', 'fill', 'stroke', 'text']));
      expect(exported.lanes).toEqual(screen);
      expect(exported.ticks).toEqual(await ticks.allTextContents());
      expect(exported.names).toEqual(
        await own.locator('[data-testid=timeline] [data-testid=lane-label]').allTextContents(),
      );
      const cursorX = Number(await own.locator('[data-testid=timeline] line.cursor').getAttribute('x1'));
      expect(exported.cursorX).toBeCloseTo(cursorX, 1);
    } finally {
      await own.close();
    }
  });

  it('warns when an exhausted iterator is iterated again', async () => {
    const { url } = await recorded('10-iterables_iterators/iterables');
    await open(url);
    await expect.poll(() => page.locator('[data-testid=iterator-again-warning]').count()).toBe(1);
    await page.locator('[data-testid=timeline]').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('[data-testid=iterator-again-warning]').count()).toBe(0);
  });
});

/** A mark of the lanes, as the screen's canvas drew it or as the export wrote it (px, 2 decimals). */
interface Mark {
  kind: 'rect' | 'fill' | 'stroke' | 'text';
  at: number[];
  colour: string;
  opacity: number;
  text?: string;
  width?: number;
  dash?: number[];
}

/**
 * Runs in the page before its scripts: records what the lanes' canvas is told to draw, each paint
 * replacing the last (a paint starts by clearing the canvas), and counts the paints. Colours are as
 * the canvas reads them back.
 */
function recordLaneMarks(): void {
  const P = CanvasRenderingContext2D.prototype;
  const w = window as unknown as { __laneMarks: Mark[]; __lanePaints: number };
  w.__laneMarks = [];
  w.__lanePaints = 0;
  window.addEventListener('yieldscope:timeline-painted', () => w.__lanePaints++);
  let ops: number[] = [];
  const round = (v: number) => Math.round(v * 100) / 100;
  const lanes = (ctx: CanvasRenderingContext2D) => ctx.canvas.dataset.testid === 'lanes';
  const wrap = <K extends keyof CanvasRenderingContext2D>(
    name: K,
    record: (ctx: CanvasRenderingContext2D, args: number[] & string[]) => void,
  ) => {
    const original = P[name] as (...a: unknown[]) => unknown;
    (P as unknown as Record<string, unknown>)[name] = function (
      this: CanvasRenderingContext2D,
      ...args: unknown[]
    ) {
      if (lanes(this)) record(this, args as number[] & string[]);
      return original.apply(this, args);
    };
  };
  wrap('clearRect', () => (w.__laneMarks = []));
  wrap('beginPath', () => (ops = []));
  wrap('moveTo', (_, [x, y]) => ops.push(0, round(x), round(y)));
  wrap('lineTo', (_, [x, y]) => ops.push(1, round(x), round(y)));
  wrap('closePath', () => ops.push(2));
  wrap('fillRect', (ctx, [x, y, width, height]) =>
    w.__laneMarks.push({
      kind: 'rect',
      at: [x, y, width, height].map(round),
      colour: String(ctx.fillStyle),
      opacity: round(ctx.globalAlpha),
    }),
  );
  wrap('fill', (ctx) =>
    w.__laneMarks.push({
      kind: 'fill',
      at: ops,
      colour: String(ctx.fillStyle),
      opacity: round(ctx.globalAlpha),
    }),
  );
  wrap('stroke', (ctx) =>
    w.__laneMarks.push({
      kind: 'stroke',
      at: ops,
      colour: String(ctx.strokeStyle),
      opacity: round(ctx.globalAlpha),
      width: ctx.lineWidth,
      dash: ctx.getLineDash(),
    }),
  );
  wrap('fillText', (ctx, [text, x, y]) =>
    w.__laneMarks.push({
      kind: 'text',
      at: [round(Number(x)), round(Number(y))],
      colour: String(ctx.fillStyle),
      opacity: round(ctx.globalAlpha),
      text: String(text),
    }),
  );
}

/** Runs in the page: the exported SVG's lane marks in the canvas's terms, its tick labels, lane names and cursor. */
function exportedMarks(svg: string): { lanes: Mark[]; ticks: string[]; names: string[]; cursorX: number } {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  // Colours as a canvas reads them back, so both sides spell them alike.
  const ctx = document.createElement('canvas').getContext('2d')!;
  const colour = (c: string | null) => (
    (ctx.fillStyle = '#000000'),
    (ctx.fillStyle = c ?? ''),
    String(ctx.fillStyle)
  );
  const num = (el: Element, name: string, otherwise = 0) => Number(el.getAttribute(name) ?? otherwise);
  const ops = (d: string) =>
    [...d.matchAll(/([MLZ])([^MLZ]*)/g)].flatMap(([, op, rest]) =>
      op === 'Z' ? [2] : [op === 'M' ? 0 : 1, ...rest.trim().split(/\s+/).map(Number)],
    );
  const lanes: Mark[] = [];
  for (const el of doc.querySelectorAll('g.lanes > *')) {
    const fill = el.getAttribute('fill');
    if (el.tagName === 'rect')
      lanes.push({
        kind: 'rect',
        at: ['x', 'y', 'width', 'height'].map((a) => num(el, a)),
        colour: colour(fill),
        opacity: num(el, 'fill-opacity', 1),
      });
    else if (el.tagName === 'text')
      lanes.push({
        kind: 'text',
        at: [num(el, 'x'), num(el, 'y')],
        colour: colour(fill),
        opacity: 1,
        text: el.textContent ?? '',
      });
    else if (fill !== 'none')
      lanes.push({
        kind: 'fill',
        at: ops(el.getAttribute('d')!),
        colour: colour(fill),
        opacity: num(el, 'fill-opacity', 1),
      });
    else
      lanes.push({
        kind: 'stroke',
        at: ops(el.getAttribute('d')!),
        colour: colour(el.getAttribute('stroke')),
        opacity: num(el, 'stroke-opacity', 1),
        width: num(el, 'stroke-width', 1),
        dash: (el.getAttribute('stroke-dasharray') ?? '').split(' ').filter(Boolean).map(Number),
      });
  }
  const lanesGroup = doc.querySelector('g.lanes')!;
  const left = Number(/translate\(([\d.]+)/.exec(lanesGroup.getAttribute('transform')!)![1]);
  const cursor = [...doc.querySelectorAll('svg > line')].at(-1)!;
  return {
    lanes,
    ticks: [...doc.querySelectorAll('g.axis text')].map((t) => t.textContent ?? ''),
    names: [...doc.querySelectorAll('svg > text')].map((t) => t.textContent ?? ''),
    cursorX: num(cursor, 'x1') - left,
  };
}
