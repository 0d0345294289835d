// The globe page of `kardashev view`: CesiumJS working offline (the Natural Earth II imagery that ships with
// Cesium; no Cesium ion, no Bing), showing the run folder's scene.czml. For tests it exposes the viewer as
// window.kdViewer and sets data-state (loading, ready, error), data-entities and data-tiles on <body>.
(function () {
  "use strict";
  const body = document.body;
  const status = document.getElementById("status");

  function fail(err) {
    body.dataset.state = "error";
    status.textContent = "error: " + (err && err.message ? err.message : String(err));
    console.error("kardashev globe:", err);
  }

  if (typeof Cesium === "undefined") {
    fail(new Error("CesiumJS did not load from /cesium/Cesium.js; run tools/setup.sh"));
    return;
  }

  const viewer = new Cesium.Viewer("globe", {
    baseLayer: Cesium.ImageryLayer.fromProviderAsync(
      Cesium.TileMapServiceImageryProvider.fromUrl(Cesium.buildModuleUrl("Assets/Textures/NaturalEarthII"))),
    terrainProvider: new Cesium.EllipsoidTerrainProvider(),
    baseLayerPicker: false,
    geocoder: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    fullscreenButton: false,
    homeButton: true,
    // Keeps the last frame readable (screenshots and the browser test's pixel check).
    contextOptions: { webgl: { preserveDrawingBuffer: true } },
  });
  window.kdViewer = viewer;
  viewer.scene.renderError.addEventListener((scene, err) => fail(err));
  viewer.scene.postRender.addEventListener(() => {
    if (viewer.scene.globe.tilesLoaded) body.dataset.tiles = "loaded";
  });

  let satellites = [];
  let grounds = [];
  let moons = [];
  const track = (entity) => {
    if (entity) viewer.trackedEntity = entity;
  };
  document.getElementById("to-earth").addEventListener("click", () => {
    viewer.trackedEntity = undefined;
    viewer.camera.flyHome(1.5);
  });
  document.getElementById("to-sites").addEventListener("click", () => {
    viewer.trackedEntity = undefined;
    if (grounds.length) viewer.flyTo(grounds, { duration: 1.5 });
  });
  document.getElementById("to-cluster").addEventListener("click", () => track(satellites[0]));
  document.getElementById("to-moon").addEventListener("click", () => track(moons[0]));

  Cesium.CzmlDataSource.load("scene.czml")
    .then((ds) => viewer.dataSources.add(ds))
    .then((ds) => {
      const entities = ds.entities.values;
      satellites = entities.filter((e) => e.id.includes("/sat-"));
      grounds = entities.filter((e) => e.id.startsWith("site/") && e.position && e.position.isConstant);
      moons = entities.filter((e) => e.id.startsWith("site/") && e.position && !e.position.isConstant);
      const links = entities.filter((e) => e.polyline);
      const routed = entities.filter((e) => e.id.startsWith("uplink/satellite-"));  // the routed uplink's satellites
      const regions = entities.filter((e) => e.id.startsWith("region/"));
      if (ds.name) document.getElementById("scene-name").textContent = ds.name;
      viewer.clock.shouldAnimate = true;
      const clock = ds.clock;
      const span = clock
        ? Cesium.JulianDate.toIso8601(clock.startTime, 0) + " to " + Cesium.JulianDate.toIso8601(clock.stopTime, 0)
        : "";
      status.textContent = satellites.length + " satellites, " + grounds.length + " ground and " + moons.length +
        " lunar sites, " + links.length + " links" +
        (regions.length ? "; uplink: " + regions.length + " regions over " + routed.length + " satellites" : "") + "; " + span;
      body.dataset.entities = String(entities.length);
      body.dataset.state = "ready";
    })
    .catch(fail);
})();
