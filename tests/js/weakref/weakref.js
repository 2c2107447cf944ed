// WeakRef and FinalizationRegistry: construction, validation (CanBeHeldWeakly),
// deref, register/unregister with tokens. (Targets are never collected here.)
var o = {};
var w = new WeakRef(o);
print(w.deref() === o, Object.prototype.toString.call(w));  // expect: true [object WeakRef]
var s = Symbol('s');
print(new WeakRef(s).deref() === s);  // expect: true
print(new WeakRef(Symbol.iterator).deref() === Symbol.iterator);  // expect: true
try { new WeakRef(Symbol.for('x')); } catch (e) { print(e.message); }  // expect: WeakRef: invalid target
try { new WeakRef(1); } catch (e) { print(e.message); }  // expect: WeakRef: invalid target
try { WeakRef({}); } catch (e) { print(e.message); }  // expect: Constructor WeakRef requires 'new'
try { WeakRef.prototype.deref.call({}); } catch (e) { print(e.message); }
// expect: Method WeakRef.prototype.deref called on incompatible receiver #<Object>
class W2 extends WeakRef { get x() { return 1; } }
var w2 = new W2(o);
print(w2.x, w2.deref() === o, w2 instanceof WeakRef);  // expect: 1 true true
print(WeakRef.length, WeakRef.prototype.deref.length);  // expect: 1 0

var fr = new FinalizationRegistry(function (held) { print('cleanup', held); });
print(Object.prototype.toString.call(fr));  // expect: [object FinalizationRegistry]
var token = {};
print(fr.register(o, 'held', token));  // expect: undefined
fr.register({}, 'other', token);
fr.register({}, 'untokened');
print(fr.unregister(token), fr.unregister(token));  // expect: true false
print(fr.unregister(s));  // expect: false
try { fr.register(o, o); } catch (e) { print(e.message); }
// expect: FinalizationRegistry.prototype.register: target and holdings must not be same
try { fr.register(o, 1, 2); } catch (e) { print(e.message); }  // expect: Invalid unregisterToken ('2')
try { fr.register(1, 2); } catch (e) { print(e.message); }
// expect: FinalizationRegistry.prototype.register: invalid target
try { fr.unregister(undefined); } catch (e) { print(e.message); }  // expect: Invalid unregisterToken ('undefined')
try { new FinalizationRegistry(1); } catch (e) { print(e.message); }
// expect: FinalizationRegistry: cleanup must be callable
try { FinalizationRegistry(function () {}); } catch (e) { print(e.message); }
// expect: Constructor FinalizationRegistry requires 'new'
try { fr.register.call(w, o, 1); } catch (e) { print(e.message); }
// expect: Method FinalizationRegistry.prototype.register called on incompatible receiver #<Object>
