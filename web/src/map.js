// The map: Natural Earth country shapes (world-atlas, served by newsmill), shaded by how many
// events each country holds, and a point per place and type, coloured by type. No tiles.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { feature } from "topojson-client";
import { colour, h } from "./dom.js";

let shapes = null;

async function countryShapes() {
  if (!shapes) {
    shapes = fetch("/static/countries-110m.json")
      .then((r) => r.json())
      .then((topo) => {
        const geo = feature(topo, topo.objects.countries);
        // Antarctica reaches the pole, which the map's projection cannot draw.
        geo.features = geo.features.filter((f) => f.id !== "010");
        return geo;
      });
  }
  return shapes;
}

export class EventMap {
  // onCountry(iso3) when a country is clicked, onPlace(bbox) when a point is.
  constructor(el, isoOfNumeric, { onCountry, onPlace }) {
    this.el = el;
    this.isoOfNumeric = isoOfNumeric;
    this.onCountry = onCountry;
    this.onPlace = onPlace;
    this.map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 10, zoomSnap: 0.5 })
      .setView([25, 10], 1.5);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Country shapes: Natural Earth (world-atlas)");
    this.countries = null;
    this.points = L.layerGroup().addTo(this.map);
    this.counts = new Map();
    this.ready = countryShapes().then((geo) => {
      this.countries = L.geoJSON(geo, {
        style: (f) => this.shade(f),
        onEachFeature: (f, layer) => {
          layer.on("click", () => {
            const iso = this.isoOfNumeric.get(String(f.id));
            if (iso) this.onCountry(iso);
          });
          layer.bindTooltip(() => this.countryTip(f), { sticky: true });
        },
      }).addTo(this.map);
      this.countries.bringToBack();
    });
  }

  iso(f) {
    return this.isoOfNumeric.get(String(f.id));
  }

  shade(f) {
    const n = this.counts.get(this.iso(f)) || 0;
    const most = Math.max(1, ...this.counts.values());
    const t = n ? 0.25 + 0.65 * Math.sqrt(n / most) : 0;
    return {
      color: "#8a8f98", weight: 0.6, fillColor: n ? "#c0392b" : "#e9ecef",
      fillOpacity: n ? t : 1, className: "country",
    };
  }

  countryTip(f) {
    const iso = this.iso(f);
    const n = this.counts.get(iso) || 0;
    return h("span", {}, `${f.properties.name}${iso ? ` (${iso})` : ""}: ${n} event${n === 1 ? "" : "s"}`);
  }

  // byCountry: [{place_country, n}], byPlace: [{place_name, place_country, lat, lon, type, n}]
  async show(byCountry, byPlace, selectedCountry) {
    await this.ready;
    this.counts = new Map(byCountry.filter((c) => c.place_country).map((c) => [c.place_country, c.n]));
    this.countries.setStyle((f) => {
      const style = this.shade(f);
      if (selectedCountry && this.iso(f) === selectedCountry) {
        style.color = "#111";
        style.weight = 2;
      }
      return style;
    });
    this.points.clearLayers();
    for (const p of byPlace) {
      if (p.lat === null || p.lon === null) continue;
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: 4 + 3 * Math.sqrt(p.n), color: "#fff", weight: 1,
        fillColor: colour(p.type), fillOpacity: 0.85, className: `place place-${p.type}`,
      });
      marker.bindTooltip(h("span", {}, `${p.place_name}: ${p.n} ${p.type}`));
      marker.on("click", () => {
        const d = 0.05;
        this.onPlace([p.lon - d, p.lat - d, p.lon + d, p.lat + d].map((x) => x.toFixed(4)).join(","));
      });
      marker.addTo(this.points);
    }
    const located = byPlace.filter((p) => p.lat !== null && p.lon !== null);
    if (!this.framed && located.length) {
      this.framed = true; // frame the events once; after that the reader moves the map
      this.map.fitBounds(L.latLngBounds(located.map((p) => [p.lat, p.lon])).pad(0.5), { maxZoom: 4 });
    }
  }

  // The box the map shows, as west,south,east,north.
  bbox() {
    const b = this.map.getBounds();
    const clamp = (x, m) => Math.max(-m, Math.min(m, x));
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)]
      .map((x) => x.toFixed(4)).join(",");
  }
}
