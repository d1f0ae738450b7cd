/**
 * What a view's picture is drawn with: a few kinds of marks (rect, path, line, text). A view decides
 * its marks' geometry and colours once, over this interface; the canvas on screen and the SVG export
 * each implement it, so what is exported is what was on screen.
 */
export interface Paint {
  fill?: string;
  stroke?: string;
  /** 0–1, of the fill or the stroke. */
  opacity?: number;
  /** Stroke width, px (1 when not given). */
  width?: number;
  /** Stroke dash lengths, px (solid when not given). */
  dash?: readonly number[];
}

export interface TextStyle {
  fill: string;
  /** Font size, px (the font is the interface's: system-ui). */
  size: number;
  /** A 3 px outline in this colour keeps the text readable where it crosses other marks. */
  halo?: string;
  anchor?: 'start' | 'middle';
  /** Where `y` is: the text's top (default) or its middle. */
  baseline?: 'top' | 'middle';
}

/** Straight segments, built up with move/line/close and drawn as one mark. */
export class Path {
  /** Ops: 0 x y (move), 1 x y (line), 2 (close). */
  readonly ops: number[] = [];

  move(x: number, y: number): this {
    this.ops.push(0, x, y);
    return this;
  }

  line(x: number, y: number): this {
    this.ops.push(1, x, y);
    return this;
  }

  close(): this {
    this.ops.push(2);
    return this;
  }

  get empty(): boolean {
    return this.ops.length === 0;
  }
}

export interface Drawing {
  rect(x: number, y: number, width: number, height: number, paint: Paint): void;
  /** Filled when the paint has a fill, else stroked. */
  path(path: Path, paint: Paint): void;
  line(x1: number, y1: number, x2: number, y2: number, paint: Paint): void;
  text(x: number, y: number, text: string, style: TextStyle): void;
  /** The width of `text` at `size` px, as it will be drawn: where a label fits is decided by it. */
  measure(text: string, size: number): number;
}

export const FONT_FAMILY = 'system-ui, sans-serif';
const font = (size: number) => `${size}px ${FONT_FAMILY}`;

/**
 * Text widths measured on screen, by size and text: a zoom step asks for the width of every marker
 * label in view, mostly the same few labels as the frame before, and measuring each again cost the
 * frame that shows the step. Emptied when full, so a run of ever new labels cannot grow it for ever.
 */
const widths = new Map<string, number>();
const WIDTHS_KEPT = 4096;

/** The screen's drawing: a 2D canvas context, its styles set only when a mark needs other ones. */
export function canvasDrawing(ctx: CanvasRenderingContext2D): Drawing {
  let fill = '';
  let stroke = '';
  let alpha = (ctx.globalAlpha = 1);
  let width = (ctx.lineWidth = 1);
  let dash: readonly number[] = [];
  ctx.setLineDash([]);
  const setAlpha = (a: number) => {
    if (a !== alpha) ctx.globalAlpha = alpha = a;
  };
  const setFill = (p: Paint) => {
    if (p.fill !== fill) ctx.fillStyle = fill = p.fill!;
    setAlpha(p.opacity ?? 1);
  };
  const setStroke = (p: Paint) => {
    if (p.stroke !== stroke) ctx.strokeStyle = stroke = p.stroke!;
    setAlpha(p.opacity ?? 1);
    if ((p.width ?? 1) !== width) ctx.lineWidth = width = p.width ?? 1;
    const d = p.dash ?? [];
    if (d.join() !== dash.join()) ctx.setLineDash((dash = d) as number[]);
  };
  const trace = (path: Path) => {
    const ops = path.ops;
    ctx.beginPath();
    for (let i = 0; i < ops.length;) {
      if (ops[i] === 2) {
        ctx.closePath();
        i += 1;
        continue;
      }
      if (ops[i] === 0) ctx.moveTo(ops[i + 1], ops[i + 2]);
      else ctx.lineTo(ops[i + 1], ops[i + 2]);
      i += 3;
    }
  };
  return {
    rect(x, y, w, h, paint) {
      setFill(paint);
      ctx.fillRect(x, y, w, h);
    },
    path(path, paint) {
      trace(path);
      if (paint.fill) {
        setFill(paint);
        ctx.fill();
      } else {
        setStroke(paint);
        ctx.stroke();
      }
    },
    line(x1, y1, x2, y2, paint) {
      this.path(new Path().move(x1, y1).line(x2, y2), paint);
    },
    text(x, y, text, style) {
      ctx.font = font(style.size);
      ctx.textBaseline = style.baseline ?? 'top';
      ctx.textAlign = style.anchor === 'middle' ? 'center' : 'start';
      setAlpha(1);
      if (style.halo) {
        setStroke({ stroke: style.halo, width: 3 });
        ctx.lineJoin = 'round';
        ctx.strokeText(text, x, y);
      }
      setFill({ fill: style.fill });
      ctx.fillText(text, x, y);
    },
    measure(text, size) {
      const key = `${size} ${text}`;
      let measured = widths.get(key);
      if (measured === undefined) {
        ctx.font = font(size);
        measured = ctx.measureText(text).width;
        if (widths.size >= WIDTHS_KEPT) widths.clear();
        widths.set(key, measured);
      }
      return measured;
    },
  };
}

export function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** A number as an SVG attribute: two decimals at most. */
const n = (v: number) => String(Math.round(v * 100) / 100);

function paintAttributes(p: Paint, filled: boolean): string {
  let a = filled ? ` fill="${p.fill}"` : ` fill="none" stroke="${p.stroke}"`;
  if ((p.opacity ?? 1) !== 1) a += ` ${filled ? 'fill' : 'stroke'}-opacity="${n(p.opacity!)}"`;
  if (!filled && (p.width ?? 1) !== 1) a += ` stroke-width="${n(p.width!)}"`;
  if (!filled && p.dash?.length) a += ` stroke-dasharray="${p.dash.map(n).join(' ')}"`;
  return a;
}

function pathData(path: Path): string {
  const ops = path.ops;
  let d = '';
  for (let i = 0; i < ops.length;) {
    if (ops[i] === 2) {
      d += 'Z';
      i += 1;
      continue;
    }
    d += `${ops[i] === 0 ? 'M' : 'L'}${n(ops[i + 1])} ${n(ops[i + 2])}`;
    i += 3;
  }
  return d;
}

/** The export's drawing: SVG elements, appended to `body`. `measure` is the screen's, for the same choices. */
export class SvgDrawing implements Drawing {
  body = '';

  constructor(readonly measure: (text: string, size: number) => number) {}

  rect(x: number, y: number, w: number, h: number, paint: Paint): void {
    this.body += `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"${paintAttributes(paint, true)}/>`;
  }

  path(path: Path, paint: Paint): void {
    if (path.empty) return;
    this.body += `<path d="${pathData(path)}"${paintAttributes(paint, !!paint.fill)}/>`;
  }

  line(x1: number, y1: number, x2: number, y2: number, paint: Paint): void {
    this.body += `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}"${paintAttributes(paint, false)}/>`;
  }

  text(x: number, y: number, text: string, style: TextStyle): void {
    let a = ` font-size="${n(style.size)}" fill="${style.fill}"`;
    if (style.halo)
      a += ` stroke="${style.halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;
    if (style.anchor === 'middle') a += ' text-anchor="middle"';
    a += ` dominant-baseline="${style.baseline === 'middle' ? 'central' : 'text-before-edge'}"`;
    this.body += `<text x="${n(x)}" y="${n(y)}"${a}>${escapeXml(text)}</text>`;
  }
}
