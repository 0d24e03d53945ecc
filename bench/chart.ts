// The throughput chart of bench/results/throughput.svg: one group per read, one horizontal bar per
// server (req/s), built as a string so the benchmark needs no charting library or browser.

export interface ChartRow {
  read: string;
  values: number[];
}

const COLOURS = ["#1f6feb", "#8b949e", "#d29922"];

function xmlText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

export function throughputSvg(title: string, series: string[], rows: ChartRow[]): string {
  const labelWidth = 330;
  const barArea = 420;
  const barHeight = 14;
  const groupHeight = series.length * barHeight + 14;
  const top = 56;
  const width = labelWidth + barArea + 90;
  const height = top + rows.length * groupHeight + 20;
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${xmlText(title)}</text>`,
  ];
  series.forEach((name, i) => {
    const x = 10 + i * 170;
    parts.push(`<rect x="${x}" y="32" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/>`, `<text x="${x + 18}" y="42">${xmlText(name)}</text>`);
  });
  rows.forEach((row, r) => {
    const y = top + r * groupHeight;
    parts.push(`<text x="${labelWidth - 8}" y="${y + (series.length * barHeight) / 2 + 4}" text-anchor="end">${xmlText(row.read)}</text>`);
    row.values.forEach((value, i) => {
      const w = Math.max(1, Math.round((value / max) * barArea));
      const by = y + i * barHeight;
      parts.push(
        `<rect x="${labelWidth}" y="${by}" width="${w}" height="${barHeight - 2}" fill="${COLOURS[i % COLOURS.length]}"/>`,
        `<text x="${labelWidth + w + 4}" y="${by + barHeight - 4}" font-size="10">${Math.round(value)}</text>`,
      );
    });
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
