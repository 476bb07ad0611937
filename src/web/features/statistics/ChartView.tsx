import { useEffect, useRef } from 'react';
import type { Chart } from './api.ts';

interface Props {
  chart: Chart;
  title: string;
  labels: string[];
  currentName: string;
  previousName: string;
  againstName: string;
}

/**
 * One chart of the dashboard: this period's bars beside the previous period's (a line for the
 * months). ECharts is loaded when the first chart mounts; the figures themselves are in the
 * table beside it, which is what a screen reader reads and what links to the lists.
 */
export function ChartView({ chart, title, labels, currentName, previousName, againstName }: Props) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let instance: { dispose(): void; resize(): void } | null = null;
    const onResize = () => instance?.resize();
    void import('./echarts.ts').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const i = echarts.init(el.current, undefined, { renderer: 'svg' });
      instance = i;
      const hasPrevious = chart.items.some((f) => f.previous !== null);
      const kind = chart.id === 'servicesByMonth' ? 'line' : 'bar';
      i.setOption({
        animation: false,
        aria: { enabled: true },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 32, bottom: 64 },
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: currentName, type: kind, data: chart.items.map((f) => f.current) },
          ...(hasPrevious
            ? [
                {
                  name: previousName,
                  type: kind,
                  data: chart.items.map((f) => f.previous ?? 0),
                  itemStyle: { opacity: 0.55 },
                },
              ]
            : []),
          ...(chart.against ? [{ name: againstName, type: 'bar', data: chart.against.map((f) => f.current) }] : []),
        ],
      });
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      instance?.dispose();
    };
  }, [chart, labels, currentName, previousName, againstName]);
  return <div ref={el} className="hm-stat-chart" role="img" aria-label={title} />;
}
