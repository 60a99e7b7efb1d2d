// The PPTX deck opened by LibreOffice Impress: it renders every slide the
// file holds, the charts are chart parts (editable data), not pictures, and
// the speaker notes carry the numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { demoJson, exportTo, libreOffice, tool } from './export-helpers';
import { harness, tempDir } from './store-helpers';

describe('PPTX deck', () => {
  it('Impress renders each slide; the charts are native chart parts with speaker notes', async () => {
    const plan = demoJson('zh-CN');
    const h = await harness(plan);
    const deck = await exportTo(h, 'pptx', join(tempDir(), 'deck.pptx'), { lang: 'zh-CN' });
    const zip = await JSZip.loadAsync(readFileSync(deck));
    const parts = Object.keys(zip.files);
    const slides = parts.filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p));
    // Title, summary, phase-gate review, roadmap, tier pyramid, breakthrough list, account ladders, odds, funnel, two fan charts, scenarios, decisions.
    expect(slides.length).toBeGreaterThanOrEqual(13);
    // Tier pyramid, odds per target, funnel, orders and cash fans, scenarios: six native charts, no pictures.
    expect(parts.filter((p) => /^ppt\/charts\/chart\d+\.xml$/.test(p)).length).toBe(6);
    expect(parts.filter((p) => /^ppt\/media\/.+/.test(p))).toEqual([]);
    const notes = (await Promise.all(parts.filter((p) => p.startsWith('ppt/notesSlides/') && p.endsWith('.xml')).map((p) => zip.file(p)!.async('string')))).join('\n');
    expect(notes).toContain(plan.phases[0]!.name);

    const pdf = libreOffice(deck, 'pdf');
    expect(tool('pdfinfo', [pdf])).toMatch(new RegExp(`Pages:\\s+${slides.length}\\n`));
    const text = tool('pdftotext', [pdf, '-']).replace(/\s+/g, '');
    expect(text).toContain(plan.plan.name.replace(/\s+/g, ''));
    for (const c of plan.customers.filter((x) => x.tier === 'S' && x.breakthroughPhaseId)) expect(text).toContain(c.name.replace(/\s+/g, ''));
    // Plan format v2 slides, with what the plan holds: each slide's title, a decision, a ladder customer's planned levels.
    for (const title of ['阶段评审', '客户关系阶梯', '决策记录']) expect(text).toContain(title);
    const shortest = [...plan.decisions!].sort((a, b) => a.text.length - b.text.length)[0]!;
    expect(notes).toContain(shortest.text);
    const laddered = plan.customers.find((c) => c.relationshipPlan && c.breakthroughPhaseId)!;
    const p = plan.phases.find((x) => laddered.relationshipPlan![x.id])!;
    const lv = laddered.relationshipPlan![p.id]!;
    expect(notes).toContain(`${p.name} ${lv.key} / ${lv.broad} / ${lv.organizational}`);
  });
});
