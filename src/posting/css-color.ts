/** A CSS colour as a reader's eye meets it: red, green, blue (0-255) and opacity (0-1). */
export interface CssColor {
  readonly rgb: readonly [number, number, number];
  readonly alpha: number;
}

/**
 * Named colours a page could use to hide text: the near-white ones (text the colour of a white page) and the
 * near-black ones (text on a dark panel). Others are left unknown, which never hides anything.
 */
const namedColors: Readonly<Record<string, readonly [number, number, number]>> = {
  white: [255, 255, 255],
  snow: [255, 250, 250],
  ivory: [255, 255, 240],
  ghostwhite: [248, 248, 255],
  whitesmoke: [245, 245, 245],
  floralwhite: [255, 250, 240],
  seashell: [255, 245, 238],
  mintcream: [245, 255, 250],
  azure: [240, 255, 255],
  aliceblue: [240, 248, 255],
  honeydew: [240, 255, 240],
  lavenderblush: [255, 240, 245],
  linen: [250, 240, 230],
  oldlace: [253, 245, 230],
  cornsilk: [255, 248, 220],
  lightyellow: [255, 255, 224],
  black: [0, 0, 0],
  midnightblue: [25, 25, 112],
  darkslategray: [47, 79, 79],
  darkslategrey: [47, 79, 79],
  navy: [0, 0, 128],
};

function channel(text: string | undefined, scale: number): number {
  const value = Number.parseFloat(text ?? '');
  if (!Number.isFinite(value)) return 0;
  return Math.max(0, Math.min(255, text?.endsWith('%') ? (value / 100) * 255 : value * scale));
}

function alphaOf(text: string | undefined): number {
  if (text === undefined || text === '') return 1;
  const value = Number.parseFloat(text);
  if (!Number.isFinite(value)) return 1;
  return Math.max(0, Math.min(1, text.endsWith('%') ? value / 100 : value));
}

function fromHsl(hue: number, saturation: number, lightness: number): [number, number, number] {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const sector = (((hue % 360) + 360) % 360) / 60;
  const second = chroma * (1 - Math.abs((sector % 2) - 1));
  const [red, green, blue] =
    sector < 1
      ? [chroma, second, 0]
      : sector < 2
        ? [second, chroma, 0]
        : sector < 3
          ? [0, chroma, second]
          : sector < 4
            ? [0, second, chroma]
            : sector < 5
              ? [second, 0, chroma]
              : [chroma, 0, second];
  const match = lightness - chroma / 2;
  return [red, green, blue].map((value) => Math.round((value + match) * 255)) as [number, number, number];
}

/**
 * `#fff`, `#0000`, `white`, `transparent`, `rgb(255 255 255 / 0)`, `rgba(0,0,0,0)`, `hsl(0,0%,100%)` -> a colour;
 * undefined for anything else (a variable, `currentColor`, a name not listed), which never hides text.
 */
export function parseColor(value: string): CssColor | undefined {
  const color = value
    .trim()
    .toLowerCase()
    .replace(/\s*!important$/, '');
  if (color === 'transparent') return { rgb: [0, 0, 0], alpha: 0 };
  const named = namedColors[color];
  if (named !== undefined) return { rgb: named, alpha: 1 };
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(color)?.[1];
  if (hex !== undefined) {
    const pairs = hex.length <= 4 ? [...hex].map((digit) => `${digit}${digit}`) : (hex.match(/../g) ?? []);
    const [red, green, blue, alpha] = pairs.map((pair) => Number.parseInt(pair, 16));
    return { rgb: [red ?? 0, green ?? 0, blue ?? 0], alpha: alpha === undefined ? 1 : alpha / 255 };
  }
  const functional = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(color);
  if (functional === null) return undefined;
  const parts = (functional[2] ?? '').split(/[\s,/]+/).filter((part) => part !== '');
  if (parts.length < 3) return undefined;
  const alpha = alphaOf(parts[3]);
  if (functional[1]?.startsWith('rgb')) {
    return { rgb: [channel(parts[0], 1), channel(parts[1], 1), channel(parts[2], 1)], alpha };
  }
  const hue = Number.parseFloat(parts[0] ?? '');
  const saturation = alphaOf(parts[1]);
  const lightness = alphaOf(parts[2]);
  return { rgb: fromHsl(Number.isFinite(hue) ? hue : 0, saturation, lightness), alpha };
}
