/// <reference types="vite/client" />

// ECharts' scatter view, which keptScatterView.ts extends: ECharts ships its types apart from its code.
declare module 'echarts/lib/chart/scatter/ScatterView.js' {
  import ScatterView from 'echarts/types/src/chart/scatter/ScatterView.js';
  export default ScatterView;
}
