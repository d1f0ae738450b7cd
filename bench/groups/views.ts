/**
 * The views' figures (issues 5, 9 and 12) over the producer/consumer lesson scaled to 1M events
 * (generated in columnar form, see renderer/views/dev/synthetic.ts):
 * - in Node: building the views' index, rebuilding the state of every view at random instants, and
 *   the level-of-detail work of one timeline frame;
 * - in headless Chromium (the browser e2e/browser.ts finds) on the views' dev page, built as the app is: open to
 *   first full paint, the main-thread work of a pan/zoom and its input to the frame that shows it,
 *   renderer memory per event and the state rebuild, and the same open and pan/zoom for the obvious
 *   baseline (one SVG rect per span, d3 data join re-run on every zoom), printed as ratios;
 * - live streams into the page: a run's first second and three sustained seconds at 1M events/s,
 *   and three sustained seconds at the recorder's own rate (its last figure in bench/results.json,
 *   else 5M events/s): frames per second, frame interval, each batch's arrival to its paint, and
 *   whether every event reached the trace and the screen.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Trace } from '../../core/trace/trace.ts';
import { encodeNative, decodeNative } from '../../core/trace/native.ts';
import { TraceIndex } from '../../renderer/derive/index.ts';
import { Bars, lodBars, lodMarks, Marks } from '../../renderer/derive/lod.ts';
import { stateAt } from '../../renderer/derive/state.ts';
import { producerConsumerBatches } from '../../renderer/views/dev/synthetic.ts';
import { readResults, type Report } from '../harness.ts';
import { browserLaunch, NoBrowser } from '../../e2e/browser.ts';

const EVENTS = 1_000_000;
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A small seeded generator, so every run probes the same instants. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function nodeFigures(report: Report): void {
  const trace = Trace.fromBatches(producerConsumerBatches(EVENTS));
  try {
    const bytes = encodeNative(trace);
    const decodeStart = performance.now();
    decodeNative(bytes);
    report(
      'node: native file decode, 1M events (part of opening a saved trace)',
      performance.now() - decodeStart,
      'ms',
    );
  } catch (e) {
    console.error(`views: the native file round trip failed, so its decode time is missing: ${String(e)}`);
  }
  const t0 = performance.now();
  const index = new TraceIndex(trace).update();
  report('node: views index build, 1M events', performance.now() - t0, 'ms');

  const random = seeded(42);
  const rebuild: number[] = [];
  for (let k = 0; k < 200; k++) {
    const seq = Math.floor(random() * trace.size);
    const s = performance.now();
    stateAt(index, seq);
    rebuild.push(performance.now() - s);
  }
  report('node: state rebuild at random instant p95', percentile(rebuild, 95), 'ms');
  report('node: state rebuild at random instant max', Math.max(...rebuild), 'ms');

  const bars = new Bars();
  const marks = new Marks();
  const frames: number[] = [];
  const key = (s: number) => s;
  for (let k = 0; k < 200; k++) {
    const span = trace.size / 2 ** Math.floor(random() * 18);
    const from = random() * (trace.size - span);
    const view = { from, to: from + span, width: 1600 };
    const s = performance.now();
    for (const lane of index.timeline.lanes) {
      const sp = index.timeline.spans[lane.index];
      lodBars(
        { start: sp.start.data, end: sp.end.data, state: sp.state.data, size: sp.size, openEnd: trace.size },
        key,
        view,
        bars,
      );
      const m = index.timeline.markers[lane.index];
      lodMarks(m.data, m.size, key, view, marks);
    }
    frames.push(performance.now() - s);
  }
  report('node: LOD work per timeline frame p95 (1600 px)', percentile(frames, 95), 'ms');
}

interface PageFigures extends StepTimes {
  open: number;
}

async function browserFigures(report: Report, launch: ReturnType<typeof browserLaunch>): Promise<void> {
  const { build, preview } = await import('vite');
  const { chromium } = await import('playwright-core');
  // The dev page built as the app is (Svelte's production runtime, minified), not served by Vite's
  // dev server: its development checks cost the views more than the views' own work.
  const configFile = join(root, 'renderer/views/dev/vite.config.ts');
  const outDir = await mkdtemp(join(tmpdir(), 'yieldscope-views-bench-'));
  await build({ configFile, build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  const server = await preview({ configFile, build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const base = server.resolvedUrls!.local[0];
  const browser = await chromium.launch(launch);
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    // tsx names functions with an `__name` helper that page.evaluate's copies do not carry along.
    await page.addInitScript('window.__name = (f) => f;');
    const cdp = await page.context().newCDPSession(page);
    const openPage = async (query: string): Promise<number> => {
      await page.goto(`${base}?${query}`);
      await page.waitForFunction(
        () => ((window as unknown as { __ys?: { openTimes: number[] } }).__ys?.openTimes[0] ?? -1) > 0,
        null,
        { timeout: 180_000, polling: 100 },
      );
      return page.evaluate(() => (window as unknown as { __ys: { openTimes: number[] } }).__ys.openTimes[0]);
    };
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
      return u.usedSize + (u.backingStorageSize ?? 0);
    };

    await openPage('events=2000'); // the page's first load, not timed
    await page.goto(`${base}?events=1`);
    await page.waitForTimeout(1000);
    const empty = await heap();
    const open = await openPage(`events=${EVENTS}`);
    const full = await heap();
    const steps = await panZoomSteps(page, '[data-testid=timeline] svg.overlay', 60);
    const rebuild = await page.evaluate(() => {
      const ys = (window as unknown as { __ys: { trace: { size: number }; stateAt(seq: number): unknown } })
        .__ys;
      const times: number[] = [];
      let s = 12345;
      for (let k = 0; k < 50; k++) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        const t0 = performance.now();
        ys.stateAt(s % ys.trace.size);
        times.push(performance.now() - t0);
      }
      return times;
    });
    const canvas: PageFigures = { open, ...steps };
    report('chromium: open 1M events to first full paint', canvas.open, 'ms');
    report('chromium: pan/zoom main-thread work per frame p95', percentile(canvas.work, 95), 'ms');
    report('chromium: pan/zoom input to the frame that shows it p95', percentile(canvas.latency, 95), 'ms');
    report(
      "chromium: pan/zoom input's time stamp to that frame p95",
      percentile(canvas.sinceStamp, 95),
      'ms',
    );
    report('chromium: renderer memory per event', (full - empty) / EVENTS, 'B');
    report('chromium: state rebuild at random instant p95', percentile(rebuild, 95), 'ms');

    const baseOpen = await openPage(`baseline=1&events=${EVENTS}`);
    const baseSteps = await panZoomSteps(page, '[data-testid=baseline]', 6);
    report('baseline (SVG per span): open 1M events', baseOpen, 'ms');
    report('baseline (SVG per span): pan/zoom work per frame p95', percentile(baseSteps.work, 95), 'ms');
    report(
      'baseline (SVG per span): pan/zoom input to the frame that shows it p95',
      percentile(baseSteps.latency, 95),
      'ms',
    );
    report('ratio: baseline / canvas, open', baseOpen / canvas.open, 'x');
    report(
      'ratio: baseline / canvas, pan/zoom input to frame p95',
      percentile(baseSteps.latency, 95) / percentile(canvas.latency, 95),
      'x',
    );

    // Last, with the other pages closed: nothing else of the bench runs beside the stream.
    // A run's first second, its start included, then three seconds of a longer run, at 1M events/s
    // and at the recorder's own rate: what "keeps 55 fps as events stream in" asks is the sustained figure.
    await page.close();
    const recorder = await recorderRate();
    console.log(
      `views: the recorder's rate is ${recorder.rate.toLocaleString('en-US')} events/s, from ${recorder.from}`,
    );
    for (const [label, rate, events] of [
      ['live stream of 1M events', 1_000_000, EVENTS],
      ['live stream sustained, 3M events over 3 s', 1_000_000, 3 * EVENTS],
      ["live stream at the recorder's rate, sustained 3 s", recorder.rate, 3 * recorder.rate],
    ] as const) {
      const live = await streamFigures(browser, base, events, rate);
      report(`chromium: ${label}, frames per second`, live.fps, 'fps');
      report(`chromium: ${label}, frame interval p95`, live.p95, 'ms');
      report(`chromium: ${label}, batch arrival to painted p95`, live.batchToPaint, 'ms');
      report(`chromium: ${label}, events per second delivered`, live.eventsPerSecond, 'events/s');
      report(`chromium: ${label}, events lost`, events - live.received, 'events');
      report(`chromium: ${label}, events not shown at the end`, events - live.shown, 'events');
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

interface StreamFigures {
  fps: number;
  /** Frame interval p95, ms. */
  p95: number;
  eventsPerSecond: number;
  /** Events in the trace at the end, and in the last frame painted. */
  received: number;
  shown: number;
  /** From a batch's arrival to the end of the paint of the first frame that shows it, p95, ms. */
  batchToPaint: number;
}

/**
 * Streams `events` into the page at `rate` events per second (batches of 16,384, appended as they
 * fall due on a 4 ms tick, each in a task of its own as each of the host's messages arrives, and
 * handed to the recording as the app hands it the host's) and counts
 * the animation frames the page managed meanwhile. The trace refuses a batch that does not continue
 * the sequence, so `received` equal to the events sent means none was lost; `shown` is what the
 * last frame painted, once the stream ended.
 * In a page of its own, so the garbage of the figures before is not collected during the stream;
 * the page makes the batches it streams first, then idles a moment, as the app does before a run
 * (their making is the bench's work; a live run's batches come from the worker).
 */
async function streamFigures(
  browser: import('playwright-core').Browser,
  base: string,
  events: number,
  rate: number,
): Promise<StreamFigures> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.addInitScript('window.__name = (f) => f;');
  // The page makes every batch before its load event: millions of events take a while.
  await page.goto(`${base}?events=${events}&stream=4&batch=16384&rate=${rate}&hold=1`, { timeout: 300_000 });
  await page.waitForFunction(
    () => (window as unknown as { __ys?: { holding: boolean } }).__ys?.holding,
    null,
    {
      timeout: 180_000,
      polling: 100,
    },
  );
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    const w = window as unknown as {
      __frames: number[];
      __paints: [number, number][];
      __ys: { streaming: boolean; go(): void };
    };
    w.__frames = [];
    w.__paints = [];
    const tick = (t: number) => {
      if (w.__ys.streaming) w.__frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.addEventListener('yieldscope:timeline-painted', (e) =>
      w.__paints.push([performance.now(), (e as CustomEvent<{ size: number }>).detail.size]),
    );
    w.__ys.go();
  });
  await page.waitForFunction(
    (events) => {
      const w = window as unknown as { __paints: [number, number][]; __ys: { streamed: number[] } };
      return w.__ys.streamed.length > 0 && w.__paints.at(-1)?.[1] === events;
    },
    events,
    { timeout: 180_000, polling: 100 },
  );
  const figures = await page.evaluate((events) => {
    const w = window as unknown as {
      __frames: number[];
      __paints: [number, number][];
      __ys: { streamed: number[]; arrivals: [number, number][]; trace: { size: number } };
    };
    const frames = w.__frames;
    const gaps = frames
      .slice(1)
      .map((t, i) => t - frames[i])
      .sort((a, b) => a - b);
    const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
    const paints = w.__paints;
    const lags: number[] = [];
    let p = 0;
    for (const [at, size] of w.__ys.arrivals) {
      while (p < paints.length && (paints[p][0] < at || paints[p][1] < size)) p++;
      if (p < paints.length) lags.push(paints[p][0] - at);
    }
    lags.sort((a, b) => a - b);
    return {
      fps: (frames.length - 1) / seconds,
      p95: gaps[Math.floor(gaps.length * 0.95)],
      eventsPerSecond: events / (w.__ys.streamed[0] / 1000),
      received: w.__ys.trace.size,
      shown: paints.at(-1)![1],
      batchToPaint: lags[Math.floor(lags.length * 0.95)],
    };
  }, events);
  await page.close();
  return figures;
}

/** The rate the recorder was last measured at (its fastest figure), else the 5 M events/s. */
async function recorderRate(): Promise<{ rate: number; from: string }> {
  const recorder = (await readResults(join(root, 'bench/results.json'))).recorder ?? {};
  let best: [string, number] | null = null;
  for (const [name, value] of Object.entries(recorder))
    if (name.endsWith('events per second') && (!best || value > best[1])) best = [name, value];
  if (!best)
    return { rate: 5_000_000, from: "no recorder figures in bench/results.json: issue 9's 5 M events/s" };
  return { rate: Math.round(best[1]), from: `bench/results.json, recorder "${best[0]}"` };
}

/** One pan or zoom, as the page saw it (times on the page's clock, ms). */
interface Step {
  /** The input's own time stamp: when the browser took it from the system. */
  stamp: number;
  /** When the page dispatched it to its listeners. */
  dispatched: number;
  /** When its handlers and the effects they caused had run. */
  handled: number;
  /** The paint it caused: its own cost, and when the frame that shows it was rendered. */
  paintMs: number;
  shown: number;
  /** Set when two frames passed after the handlers with no paint: the input changed nothing. */
  idle?: boolean;
}

interface StepTimes {
  work: number[];
  latency: number[];
  sinceStamp: number[];
}

/**
 * Alternating wheel zooms and drag pans on the timeline, sent as a user's input is (Playwright's
 * mouse, through the browser's input pipeline, which delivers them aligned to frames as it does a
 * real mouse's). For each step the page records when the input was dispatched, when its handlers
 * and effects were done, and when the frame that shows its result had been rendered: the first task
 * after the paint it caused, which runs once the browser has finished that frame. `work` is the
 * handlers and effects plus the paint (what must fit a 16 ms frame); `latency` runs from the
 * dispatch to that frame, `sinceStamp` from the input's own time stamp (adding the browser's
 * queueing before it reaches the page, which grows with the machine's load). The same for both
 * timelines, so their ratio is fair.
 */
async function panZoomSteps(
  page: import('playwright-core').Page,
  selector: string,
  steps: number,
): Promise<StepTimes> {
  await page.evaluate(() => {
    const w = window as unknown as { __steps: Partial<Step>[]; __armed: boolean };
    w.__steps = [];
    w.__armed = false;
    // The first wheel or move of an armed step starts it (capture, on the window: before any handler).
    const begin = (e: Event) => {
      if (!w.__armed) return;
      w.__armed = false;
      const step: Partial<Step> = { stamp: e.timeStamp, dispatched: performance.now() };
      w.__steps.push(step);
      // Wheels and moves are dispatched aligned to frames, just before the frame's animation callbacks:
      // this first one runs once the handlers and the effects they caused are done. An input that
      // changes nothing (zooming out of the whole run) paints nothing: given two frames to show it,
      // such a step is left out.
      requestAnimationFrame(() => {
        step.handled = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => (step.idle = step.paintMs === undefined)));
      });
    };
    window.addEventListener('wheel', begin, { capture: true });
    window.addEventListener('mousemove', begin, { capture: true });
    window.addEventListener('yieldscope:timeline-painted', (e) => {
      const step = w.__steps.at(-1);
      if (!step || step.paintMs !== undefined) return;
      step.paintMs = (e as CustomEvent<{ ms?: number }>).detail.ms ?? 0;
      // A task posted now runs once the browser has finished the frame being made.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (step.shown = performance.now());
      channel.port2.postMessage(null);
    });
  });
  const box = (await page.locator(selector).boundingBox())!;
  const y = box.y + Math.min(20, box.height / 2);
  const arm = () => page.evaluate(() => ((window as unknown as { __armed: boolean }).__armed = true));
  for (let k = 0; k < steps; k++) {
    const x = box.x + box.width * (0.2 + (0.6 * ((k * 37) % 100)) / 100);
    await page.mouse.move(x, y);
    if (k % 3 === 2) {
      await page.mouse.down();
      await arm();
      await page.mouse.move(x - 120, y);
    } else {
      await arm();
      await page.mouse.wheel(0, k < steps / 2 ? -300 : 200);
    }
    await page.waitForFunction(
      (k) => {
        const step = (window as unknown as { __steps: Partial<Step>[] }).__steps[k];
        return step?.handled !== undefined && (step.shown !== undefined || step.idle === true);
      },
      k,
      { timeout: 60_000 },
    );
    if (k % 3 === 2) await page.mouse.up();
  }
  const all = await page.evaluate(() => (window as unknown as { __steps: Step[] }).__steps);
  const recorded = all.filter((s) => !s.idle);
  if (recorded.length < all.length)
    console.log(
      `views: ${all.length - recorded.length} of ${all.length} pan/zoom steps changed nothing on screen`,
    );
  return {
    work: recorded.map((s) => s.handled - s.dispatched + s.paintMs),
    latency: recorded.map((s) => s.shown - s.dispatched),
    sinceStamp: recorded.map((s) => s.shown - s.stamp),
  };
}

export async function run(report: Report): Promise<void> {
  nodeFigures(report);
  let launch: ReturnType<typeof browserLaunch>;
  try {
    launch = browserLaunch();
  } catch (e) {
    if (!(e instanceof NoBrowser)) throw e;
    console.error(`views: the browser figures were not measured. ${e.message}`);
    return;
  }
  await browserFigures(report, launch);
}
