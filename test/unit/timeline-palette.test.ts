/**
 * The timeline's mark colours stay apart for colour-blind readers: every pair of mark colours
 * differs by a CIE76 ΔE of at least 15 in normal vision and under deuteranopia and protanopia
 * (Machado, Oliveira and Fernandes 2009, severity 1), in the light, dark and high-contrast
 * palettes, and each is visible against its background. The shapes differ too; colour is the
 * second cue, not the only one.
 */
import assert from 'node:assert/strict';
import { paletteColour, type PaletteVar, type ThemeKind } from '../../src/render/theme';

type Rgb = [number, number, number];
const MACHADO: Record<'normal' | 'deuteranopia' | 'protanopia', number[][]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

export function parseHex(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => toLinear(v / 255)) as Rgb;
}

export function simulate(rgb: Rgb, m: number[][]): Rgb {
  return m.map((row) => Math.max(0, Math.min(1, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) as Rgb;
}

export function lab([r, g, b]: Rgb): Rgb {
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const deltaE = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

const MARKS: PaletteVar[] = ['--rm-project', '--rm-milestone', '--rm-task', '--rm-progress', '--rm-overdue', '--rm-risk'];

describe('timeline palette under colour-blindness simulations', () => {
  for (const theme of ['light', 'dark', 'hc'] as ThemeKind[]) {
    for (const [vision, matrix] of Object.entries(MACHADO)) {
      it(`${theme}, ${vision}: mark colours differ from each other (ΔE ≥ 15) and from the background (ΔE ≥ 25)`, () => {
        const seen = (name: PaletteVar) => lab(simulate(parseHex(paletteColour(name, theme)), matrix));
        const bg = seen('--rm-bg');
        const close: string[] = [];
        for (let i = 0; i < MARKS.length; i++) {
          assert.ok(deltaE(seen(MARKS[i]), bg) >= 25, `${MARKS[i]} against the background: ΔE ${deltaE(seen(MARKS[i]), bg).toFixed(1)}`);
          for (let j = i + 1; j < MARKS.length; j++) {
            const d = deltaE(seen(MARKS[i]), seen(MARKS[j]));
            if (d < 15) close.push(`${MARKS[i]} ~ ${MARKS[j]}: ΔE ${d.toFixed(1)}`);
          }
        }
        assert.deepEqual(close, []);
      });
    }
  }

  it('the simulation is not a no-op: red and green collapse under deuteranopia', () => {
    const [red, green] = ['#d62728', '#2ca02c'].map(parseHex);
    const m = MACHADO.deuteranopia;
    assert.ok(deltaE(lab(red), lab(green)) > 70);
    assert.ok(deltaE(lab(simulate(red, m)), lab(simulate(green, m))) < 30);
  });
});
