// The incident map: an offline basemap of country shapes (world-atlas 50m, Natural Earth, drawn
// on a canvas) and incidents clustered client-side with supercluster, so only the clusters in
// view become markers however many incidents there are.

import L from "leaflet";
import "leaflet/dist/leaflet.css";
import Supercluster from "supercluster";
import { feature } from "topojson-client";
import countriesUrl from "world-atlas/countries-50m.json";

let basemap = null;

async function loadBasemap() {
  if (!basemap) {
    basemap = fetch(countriesUrl)
      .then((r) => {
        if (!r.ok) throw new Error(`basemap: ${r.status}`);
        return r.json();
      })
      .then((topo) => feature(topo, topo.objects.countries));
  }
  return basemap;
}

/** Calls `fn(byKey)` when the marker is clicked or, focused, gets Enter or Space. */
function onActivate(marker, fn) {
  marker.on("click", () => fn(false));
  marker.on("keypress", (e) => {
    const key = e.originalEvent.key;
    if (key === "Enter" || key === " ") {
      e.originalEvent.preventDefault();
      fn(true);
    }
  });
}

/** A map in `el`; `onOpen(code)` is called when an incident marker is activated. */
export class IncidentMap {
  constructor(el, onOpen) {
    this.onOpen = onOpen;
    this.index = new Supercluster({ radius: 60, maxZoom: 16 });
    this.renderer = L.canvas({ padding: 0.5 });
    this.map = L.map(el, {
      center: [34, 38],
      zoom: 4,
      minZoom: 2,
      maxZoom: 17,
      worldCopyJump: true,
      zoomSnap: 1,
      preferCanvas: true,
      attributionControl: true,
      keyboard: true,
    });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Country shapes: Natural Earth via world-atlas");
    this.layer = L.layerGroup().addTo(this.map);
    this.map.on("moveend", () => this.draw());
    this.fitted = false;
    loadBasemap()
      .then((geo) => {
        L.geoJSON(geo, {
          renderer: this.renderer,
          interactive: false,
          style: { color: "#8a8f98", weight: 0.6, fillColor: "#e9e6df", fillOpacity: 1 },
        }).addTo(this.map);
        this.layer.eachLayer((m) => m.bringToFront?.());
      })
      .catch(() => {
        el.dataset.basemap = "failed";
      });
  }

  /** Shows `items` (compact incidents); fits the view to them the first time. */
  setIncidents(items) {
    const points = [];
    for (const it of items) {
      if (it.lat == null || it.lon == null) continue;
      points.push({
        type: "Feature",
        geometry: { type: "Point", coordinates: [it.lon, it.lat] },
        properties: { code: it.code, type: it.type, date: it.date, place: it.place },
      });
    }
    this.count = points.length;
    this.index.load(points);
    if (!this.fitted && points.length) {
      let [w, s, e, n] = [180, 90, -180, -90];
      for (const p of points) {
        const [x, y] = p.geometry.coordinates;
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
      this.fitted = true;
      this.map.fitBounds([[s, w], [n, e]], { padding: [60, 60], maxZoom: 7, animate: false });
    }
    this.draw();
  }

  draw() {
    this.layer.clearLayers();
    if (!this.count) return;
    const b = this.map.getBounds();
    const zoom = Math.round(this.map.getZoom());
    const west = Math.max(-180, b.getWest());
    const east = Math.min(180, b.getEast());
    const bbox = west > east ? [-180, b.getSouth(), 180, b.getNorth()] : [west, b.getSouth(), east, b.getNorth()];
    for (const c of this.index.getClusters(bbox, zoom)) {
      const [lon, lat] = c.geometry.coordinates;
      const p = c.properties;
      let marker;
      if (p.cluster) {
        const n = p.point_count;
        const size = n < 10 ? 30 : n < 100 ? 34 : n < 1000 ? 40 : 46;
        const body = document.createElement("span");
        body.textContent = p.point_count_abbreviated;
        marker = L.marker([lat, lon], {
          keyboard: true,
          title: `${n} incidents here; open to zoom in`,
          icon: L.divIcon({ html: body, className: "cluster", iconSize: [size, size] }),
        });
        onActivate(marker, (byKey) => {
          const z = Math.min(this.index.getClusterExpansionZoom(p.cluster_id), 17);
          this.map.setView([lat, lon], z);
          // The markers were redrawn: keep keyboard users on the map, next Tab reaches them.
          if (byKey) this.map.getContainer().focus();
        });
      } else {
        const name = `${p.code}: ${p.type.replace(/_/g, " ")}${p.place ? ` in ${p.place}` : ""}${p.date ? `, ${p.date}` : ""}`;
        marker = L.marker([lat, lon], {
          keyboard: true,
          title: name,
          icon: L.divIcon({ html: document.createElement("span"), className: "incident-marker", iconSize: [16, 16] }),
        });
        onActivate(marker, () => this.onOpen(p.code));
      }
      marker.addTo(this.layer);
      const el = marker.getElement();
      if (el) {
        el.setAttribute("aria-label", marker.options.title);
        if (!p.cluster) el.dataset.code = p.code;
      }
    }
  }

  remove() {
    this.map.remove();
  }
}
