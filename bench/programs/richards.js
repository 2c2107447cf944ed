// richards.js - an operating-system task scheduler simulation in the spirit of
// Martin Richards' classic benchmark: an idle task, a worker, two handlers and
// two devices trade packets through a priority scheduler.
// Measures: method calls on a few object shapes, linked-list manipulation,
// branchy control flow.  Size: number of full simulations.
var DEFAULT_SIZE = 20;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

var ID_IDLE = 0, ID_WORKER = 1, ID_HANDLER_A = 2, ID_HANDLER_B = 3,
    ID_DEVICE_A = 4, ID_DEVICE_B = 5, TASK_COUNT = 6;
var KIND_DEVICE = 0, KIND_WORK = 1;
var DATA_SIZE = 4;

class Packet {
  constructor(next, dest, kind) {
    this.next = next;
    this.dest = dest;
    this.kind = kind;
    this.arg = 0;
    this.data = new Array(DATA_SIZE).fill(0);
  }
  // Append this packet (detached) to the end of queue; return the new head.
  appendTo(queue) {
    this.next = null;
    if (queue === null) return this;
    var p = queue;
    while (p.next !== null) p = p.next;
    p.next = this;
    return queue;
  }
}

class Task {
  constructor(sched, id, priority, queue) {
    this.sched = sched;
    this.id = id;
    this.priority = priority;
    this.queue = queue;
    this.held = false;
    this.waiting = false;
    this.link = null;        // next task in priority order
  }
  get runnable() {
    return !this.held && (!this.waiting || this.queue !== null);
  }
  // Returns the next packet from the queue when one is pending, else null.
  takePacket() {
    if (!this.waiting || this.queue === null) return null;
    var p = this.queue;
    this.queue = p.next;
    this.waiting = false;
    return p;
  }
  // A packet arrives for this task.  Returns the task that should run next.
  receive(packet, current) {
    var wasEmpty = this.queue === null;
    this.queue = packet.appendTo(this.queue);
    if (wasEmpty && this.priority > current.priority) return this;
    return current;
  }
}

class IdleTask extends Task {
  constructor(sched, count) {
    super(sched, ID_IDLE, 0, null);
    this.seed = 1;
    this.count = count;
  }
  step(packet) {
    if (--this.count === 0) return this.sched.holdCurrent();
    if ((this.seed & 1) === 0) {
      this.seed = this.seed >> 1;
      return this.sched.release(ID_DEVICE_A);
    }
    this.seed = (this.seed >> 1) ^ 0xd008;
    return this.sched.release(ID_DEVICE_B);
  }
}

class WorkerTask extends Task {
  constructor(sched, queue) {
    super(sched, ID_WORKER, 1000, queue);
    this.target = ID_HANDLER_A;
    this.letter = 0;
  }
  step(packet) {
    if (packet === null) return this.sched.waitCurrent();
    this.target = this.target === ID_HANDLER_A ? ID_HANDLER_B : ID_HANDLER_A;
    packet.dest = this.target;
    packet.arg = 0;
    for (var i = 0; i < DATA_SIZE; i++) {
      this.letter = (this.letter + 1) % 26;
      packet.data[i] = 65 + this.letter;
    }
    return this.sched.send(packet);
  }
}

class HandlerTask extends Task {
  constructor(sched, id, priority, queue, device) {
    super(sched, id, priority, queue);
    this.device = device;
    this.jobs = null;      // work packets waiting for characters to be sent
    this.devices = null;   // device packets ready to carry a character
  }
  step(packet) {
    if (packet !== null) {
      if (packet.kind === KIND_WORK) this.jobs = packet.appendTo(this.jobs);
      else this.devices = packet.appendTo(this.devices);
    }
    if (this.jobs !== null) {
      var job = this.jobs;
      var n = job.arg;
      if (n >= DATA_SIZE) {
        this.jobs = job.next;
        return this.sched.send(job.withDest(ID_WORKER));
      }
      if (this.devices !== null) {
        var dev = this.devices;
        this.devices = dev.next;
        dev.dest = this.device;
        dev.arg = job.data[n];
        job.arg = n + 1;
        return this.sched.send(dev);
      }
    }
    return this.sched.waitCurrent();
  }
}
Packet.prototype.withDest = function (dest) { this.dest = dest; return this; };

class DeviceTask extends Task {
  constructor(sched, id, handler) {
    super(sched, id, 4000, null);
    this.handler = handler;
    this.pending = null;
  }
  step(packet) {
    if (packet === null) {
      if (this.pending === null) return this.sched.waitCurrent();
      var p = this.pending;
      this.pending = p.next;
      p.dest = this.handler;
      return this.sched.send(p);
    }
    // "perform I/O": remember the character, then hold until the idle task
    // releases this device
    this.pending = packet.appendTo(this.pending);
    this.sched.output = (this.sched.output * 31 + packet.arg) % 1000003;
    return this.sched.holdCurrent();
  }
}

class Scheduler {
  constructor() {
    this.tasks = new Array(TASK_COUNT).fill(null);
    this.list = null;
    this.current = null;
    this.queueCount = 0;
    this.holdCount = 0;
    this.output = 0;
  }
  add(task) {
    this.tasks[task.id] = task;
    // keep the list ordered by decreasing priority
    if (this.list === null || this.list.priority < task.priority) {
      task.link = this.list;
      this.list = task;
      return;
    }
    var t = this.list;
    while (t.link !== null && t.link.priority >= task.priority) t = t.link;
    task.link = t.link;
    t.link = task;
  }
  run() {
    var t = this.list;
    while (t !== null) {
      if (t.runnable) {
        this.current = t;
        t = t.step(t.takePacket());
      } else {
        t = t.link;
      }
    }
  }
  holdCurrent() {
    this.holdCount++;
    this.current.held = true;
    return this.current.link;
  }
  waitCurrent() {
    this.current.waiting = true;
    return this.current;
  }
  release(id) {
    var t = this.tasks[id];
    t.held = false;
    return t.priority > this.current.priority ? t : this.current;
  }
  send(packet) {
    var t = this.tasks[packet.dest];
    this.queueCount++;
    packet.next = null;
    return t.receive(packet, this.current);
  }
}

function simulate(idleCount) {
  var s = new Scheduler();
  s.add(new IdleTask(s, idleCount));
  var work = new Packet(null, ID_WORKER, KIND_WORK);
  work = new Packet(work, ID_WORKER, KIND_WORK);
  s.add(new WorkerTask(s, work));
  var q = new Packet(null, ID_DEVICE_A, KIND_DEVICE);
  q = new Packet(q, ID_DEVICE_A, KIND_DEVICE);
  q = new Packet(q, ID_DEVICE_A, KIND_DEVICE);
  s.add(new HandlerTask(s, ID_HANDLER_A, 2000, q, ID_DEVICE_A));
  q = new Packet(null, ID_DEVICE_B, KIND_DEVICE);
  q = new Packet(q, ID_DEVICE_B, KIND_DEVICE);
  q = new Packet(q, ID_DEVICE_B, KIND_DEVICE);
  s.add(new HandlerTask(s, ID_HANDLER_B, 3000, q, ID_DEVICE_B));
  s.add(new DeviceTask(s, ID_DEVICE_A, ID_HANDLER_A));
  s.add(new DeviceTask(s, ID_DEVICE_B, ID_HANDLER_B));
  // handlers and the worker start out waiting for packets; devices start idle
  for (var i = ID_WORKER; i <= ID_HANDLER_B; i++) s.tasks[i].waiting = true;
  s.tasks[ID_DEVICE_A].waiting = true;
  s.tasks[ID_DEVICE_B].waiting = true;
  s.run();
  return s;
}

var total = 0;
for (var iter = 0; iter < SIZE; iter++) {
  var s = simulate(10000);
  total = (total * 7 + s.queueCount * 3 + s.holdCount + s.output) % 1000000007;
}
var last = simulate(10000);
emit('richards size=' + SIZE + ' checksum=' + last.queueCount + ':' + last.holdCount + ':' + total);
