// The work report as Word (.docx) and Excel (.xlsx) files.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import type { WorkReport } from './report.ts';

export async function reportDocx(r: WorkReport): Promise<Buffer> {
  const font = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font, size: 21 })] })] });
  const doc = new Document({
    creator: 'gonghui 工会工作平台',
    title: r.title,
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: r.title, bold: true, font, size: 36 })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `统计期间:${r.from} 至 ${r.to}`, font, size: 21 })] }),
        ...r.sections.flatMap((s) => [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: s.title, bold: true, font, size: 30 })] }),
          ...s.paragraphs.map((p) => new Paragraph({ indent: { firstLine: 420 }, children: [new TextRun({ text: p, font, size: 24 })] })),
        ]),
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: '附表:主要指标', bold: true, font, size: 30 })] }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: ['板块', '指标', '数值', '口径'].map((h) => cell(h, true)) }),
            ...r.table.map((t) => new TableRow({ children: [cell(t.section), cell(t.label), cell(t.text), cell(`${t.kind}。${t.definition}`)] })),
          ],
        }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

export async function reportXlsx(r: WorkReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gonghui 工会工作平台';
  const text = wb.addWorksheet('成绩单');
  text.columns = [{ header: '板块', key: 'section', width: 12 }, { header: '内容', key: 'text', width: 120 }];
  text.getRow(1).font = { bold: true };
  text.addRow({ section: '标题', text: r.title });
  text.addRow({ section: '统计期间', text: `${r.from} 至 ${r.to}` });
  for (const s of r.sections) for (const p of s.paragraphs) text.addRow({ section: s.title, text: p });
  text.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
  const table = wb.addWorksheet('指标');
  table.columns = [
    { header: '板块', key: 'section', width: 12 }, { header: '指标', key: 'label', width: 28 }, { header: '数值', key: 'value', width: 16 },
    { header: '单位', key: 'unit', width: 8 }, { header: '按中文习惯', key: 'text', width: 16 }, { header: '类型', key: 'kind', width: 10 },
    { header: '口径', key: 'definition', width: 80 }, { header: '指标代码', key: 'key', width: 30 },
  ];
  table.getRow(1).font = { bold: true };
  for (const t of r.table) {
    // Money stays an exact decimal string; counts and rates are numbers.
    table.addRow({ ...t, value: typeof t.value === 'number' ? t.value : t.value ?? '' });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
