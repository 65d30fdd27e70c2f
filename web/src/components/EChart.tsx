// A thin React wrapper around ECharts: one chart per element, resized with its
// box, options replaced on change, clicks passed on.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';

export interface EChartProps {
  option: echarts.EChartsCoreOption;
  height?: number | string;
  onClick?: (params: echarts.ECElementEvent) => void;
  theme?: 'dark' | undefined;
  testId?: string;
}

export function EChart({ option, height = 320, onClick, theme, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, theme, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p as echarts.ECElementEvent));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [theme]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, theme]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
