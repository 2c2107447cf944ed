// raytrace.js - a small recursive ray tracer: spheres and a checkered plane,
// two point lights, shadows and mirror reflections, rendered into a pixel
// buffer that is then hashed.
// Measures: floating point through small short-lived vector objects,
// virtual calls on scene objects, allocation.
// Size: image width and height in pixels.
var DEFAULT_SIZE = 110;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

class Vec {
  constructor(x, y, z) { this.x = x; this.y = y; this.z = z; }
  add(o) { return new Vec(this.x + o.x, this.y + o.y, this.z + o.z); }
  sub(o) { return new Vec(this.x - o.x, this.y - o.y, this.z - o.z); }
  scale(k) { return new Vec(this.x * k, this.y * k, this.z * k); }
  mul(o) { return new Vec(this.x * o.x, this.y * o.y, this.z * o.z); }
  dot(o) { return this.x * o.x + this.y * o.y + this.z * o.z; }
  cross(o) {
    return new Vec(this.y * o.z - this.z * o.y, this.z * o.x - this.x * o.z,
      this.x * o.y - this.y * o.x);
  }
  get length() { return Math.sqrt(this.dot(this)); }
  norm() { return this.scale(1 / this.length); }
}

var BLACK = new Vec(0, 0, 0);

class Ray {
  constructor(origin, dir) { this.origin = origin; this.dir = dir; }
  at(t) { return this.origin.add(this.dir.scale(t)); }
}

class Surface {
  constructor(color, reflect, shine) {
    this.color = color; this.reflect = reflect; this.shine = shine;
  }
  colorAt(p) { return this.color; }
}

class Checker extends Surface {
  constructor(a, b, reflect) { super(a, reflect, 0); this.other = b; }
  colorAt(p) {
    return ((Math.floor(p.x) + Math.floor(p.z)) & 1) === 0 ? this.color : this.other;
  }
}

class Thing {
  constructor(surface) { this.surface = surface; }
}

class Sphere extends Thing {
  constructor(center, radius, surface) {
    super(surface);
    this.center = center;
    this.r2 = radius * radius;
  }
  intersect(ray) {
    var eo = this.center.sub(ray.origin);
    var v = eo.dot(ray.dir);
    if (v < 0) return -1;
    var disc = this.r2 - (eo.dot(eo) - v * v);
    if (disc < 0) return -1;
    var t = v - Math.sqrt(disc);
    return t > 1e-6 ? t : -1;
  }
  normal(p) { return p.sub(this.center).norm(); }
}

class Plane extends Thing {
  constructor(normal, offset, surface) {
    super(surface);
    this.n = normal;
    this.offset = offset;
  }
  intersect(ray) {
    var denom = this.n.dot(ray.dir);
    if (denom >= 0) return -1;
    var t = -(this.n.dot(ray.origin) + this.offset) / denom;
    return t > 1e-6 ? t : -1;
  }
  normal(p) { return this.n; }
}

class Light {
  constructor(pos, color) { this.pos = pos; this.color = color; }
}

class Camera {
  constructor(pos, lookAt) {
    this.pos = pos;
    var down = new Vec(0, -1, 0);
    this.forward = lookAt.sub(pos).norm();
    this.right = this.forward.cross(down).norm().scale(1.5);
    this.up = this.forward.cross(this.right).norm().scale(1.5);
  }
}

class Scene {
  constructor() {
    var shiny = new Surface(new Vec(1, 1, 1), 0.6, 50);
    var matte = new Surface(new Vec(0.9, 0.4, 0.2), 0.1, 8);
    var glass = new Surface(new Vec(0.3, 0.6, 0.9), 0.4, 24);
    var floor = new Checker(new Vec(1, 1, 1), new Vec(0.1, 0.1, 0.1), 0.3);
    this.things = [
      new Plane(new Vec(0, 1, 0), 0, floor),
      new Sphere(new Vec(0, 1, -0.25), 1, shiny),
      new Sphere(new Vec(-1, 0.5, 1.5), 0.5, matte),
      new Sphere(new Vec(1.6, 0.7, 0.9), 0.7, glass),
    ];
    this.lights = [
      new Light(new Vec(-2, 2.5, 0), new Vec(0.49, 0.07, 0.07)),
      new Light(new Vec(1.5, 2.5, 1.5), new Vec(0.07, 0.07, 0.49)),
      new Light(new Vec(1.5, 2.5, -1.5), new Vec(0.07, 0.49, 0.071)),
      new Light(new Vec(0, 3.5, 0), new Vec(0.21, 0.21, 0.35)),
    ];
    this.camera = new Camera(new Vec(3, 2, 4), new Vec(-1, 0.5, 0));
  }
}

var MAX_DEPTH = 4;

function closest(scene, ray) {
  var best = null, bestT = Infinity;
  for (var i = 0; i < scene.things.length; i++) {
    var t = scene.things[i].intersect(ray);
    if (t > 0 && t < bestT) { bestT = t; best = scene.things[i]; }
  }
  return best === null ? null : { thing: best, t: bestT };
}

function pow(x, n) {
  var r = 1;
  for (var i = 0; i < n; i++) r *= x;
  return r;
}

function trace(scene, ray, depth) {
  var hit = closest(scene, ray);
  if (hit === null) return BLACK;
  var p = ray.at(hit.t);
  var n = hit.thing.normal(p);
  var surface = hit.thing.surface;
  var reflDir = ray.dir.sub(n.scale(2 * n.dot(ray.dir)));
  var color = BLACK;
  for (var i = 0; i < scene.lights.length; i++) {
    var light = scene.lights[i];
    var toLight = light.pos.sub(p);
    var dist = toLight.length;
    var l = toLight.scale(1 / dist);
    var shadow = closest(scene, new Ray(p, l));
    if (shadow !== null && shadow.t < dist) continue;
    var diffuse = n.dot(l);
    if (diffuse > 0) color = color.add(light.color.mul(surface.colorAt(p)).scale(diffuse));
    var spec = l.dot(reflDir);
    if (spec > 0 && surface.shine > 0) color = color.add(light.color.scale(pow(spec, surface.shine)));
  }
  if (depth < MAX_DEPTH && surface.reflect > 0) {
    var refl = trace(scene, new Ray(p, reflDir), depth + 1);
    color = color.add(refl.scale(surface.reflect));
  }
  return color;
}

function render(scene, w, h) {
  var pixels = new Uint8Array(w * h * 3);
  var cam = scene.camera;
  for (var y = 0; y < h; y++) {
    for (var x = 0; x < w; x++) {
      var sx = (x - w / 2) / 2 / w, sy = -(y - h / 2) / 2 / h;
      var dir = cam.forward.add(cam.right.scale(sx)).add(cam.up.scale(sy)).norm();
      var c = trace(scene, new Ray(cam.pos, dir), 0);
      var o = (y * w + x) * 3;
      pixels[o] = Math.floor(Math.min(c.x, 1) * 255);
      pixels[o + 1] = Math.floor(Math.min(c.y, 1) * 255);
      pixels[o + 2] = Math.floor(Math.min(c.z, 1) * 255);
    }
  }
  return pixels;
}

var img = render(new Scene(), SIZE, SIZE);
var hash = 2166136261, total = 0;
for (var i = 0; i < img.length; i++) {
  hash = Math.imul(hash ^ img[i], 16777619) >>> 0;
  total += img[i];
}
emit('raytrace size=' + SIZE + ' checksum=' + total + ':' + hash.toString(16));
