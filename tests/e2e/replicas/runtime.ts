/**
 * In-page JavaScript shared by the React-style replicas (#2 Instagram, #3 Facebook SPA).
 * Plain JS (no libraries), inserted inside the app's IIFE, so nothing here is reachable from outside.
 *
 * Controlled inputs behave like React's:
 * - each <input>/<textarea> gets React's "value tracker": an own `value` property on the element instance,
 *   defined with Object.defineProperty, whose setter records the last value assigned through it and calls the
 *   native prototype setter;
 * - the app listens on its root container for bubbling `input`/`change` events; on one it compares the
 *   element's native value (prototype getter) with the tracker's recorded value and only if they differ updates
 *   its state (<select> has no tracker, as in React: its native value is compared with the state);
 * - after every event on the document, after every state change, every animation frame and every 100 ms it
 *   writes the state back into each bound element. So `el.value = x` in the page's own world with no event, or
 *   followed by an input event (the tracker already saw x), reverts; the prototype setter followed by a bubbling
 *   input event sticks, as does real typing.
 */
export const RUNTIME_JS = String.raw`
  function protoOf(node) {
    if (node instanceof HTMLTextAreaElement) return HTMLTextAreaElement.prototype;
    if (node instanceof HTMLSelectElement) return HTMLSelectElement.prototype;
    return HTMLInputElement.prototype;
  }
  function nativeValue(node) {
    return Object.getOwnPropertyDescriptor(protoOf(node), 'value').get.call(node);
  }
  function toStr(v) { return v == null ? '' : String(v); }

  // React's inputValueTracking.track()
  function track(node) {
    if (node._valueTracker) return;
    var descriptor = Object.getOwnPropertyDescriptor(protoOf(node), 'value');
    var currentValue = '' + descriptor.get.call(node);
    var get = descriptor.get, set = descriptor.set;
    Object.defineProperty(node, 'value', {
      configurable: true,
      get: function () { return get.call(this); },
      set: function (value) { currentValue = '' + value; set.call(this, value); }
    });
    Object.defineProperty(node, 'value', { enumerable: descriptor.enumerable });
    node._valueTracker = {
      getValue: function () { return currentValue; },
      setValue: function (value) { currentValue = '' + value; },
      stopTracking: function () { node._valueTracker = null; delete node.value; }
    };
  }
  // React's inputValueTracking.updateValueIfChanged()
  function updateValueIfChanged(node) {
    var tracker = node._valueTracker;
    if (!tracker) return true;
    var lastValue = tracker.getValue();
    var nextValue = nativeValue(node);
    if (nextValue !== lastValue) { tracker.setValue(nextValue); return true; }
    return false;
  }
  // What React does when committing a controlled value.
  function writeValue(node, value) {
    var s = toStr(value);
    if (nativeValue(node) !== s) node.value = s;
  }

  var roots = [];
  function Root(container, state) {
    var self = this;
    this.container = container;
    this.state = state;
    this.bindings = [];
    this.hooks = [];
    var onChangeEvent = function (e) { self.handleChangeEvent(e); };
    container.addEventListener('input', onChangeEvent, false);
    container.addEventListener('change', onChangeEvent, false);
    roots.push(this);
  }
  Root.prototype.bind = function (node, key, onChange) {
    if (!(node instanceof HTMLSelectElement)) track(node);
    this.bindings.push({ node: node, key: key, onChange: onChange || null });
    writeValue(node, this.state[key]);
    return node;
  };
  Root.prototype.clearBindings = function () { this.bindings = []; };
  Root.prototype.onRender = function (hook) { this.hooks.push(hook); };
  Root.prototype.handleChangeEvent = function (e) {
    var target = e.target;
    for (var i = 0; i < this.bindings.length; i++) {
      var b = this.bindings[i];
      if (b.node !== target) continue;
      var changed = target instanceof HTMLSelectElement
        ? nativeValue(target) !== toStr(this.state[b.key])
        : updateValueIfChanged(target);
      if (changed) this.setState(b.key, nativeValue(target), b.onChange);
      break;
    }
    this.render();
  };
  Root.prototype.setState = function (key, value, onChange) {
    this.state[key] = value;
    if (onChange) onChange(value);
    this.render();
  };
  Root.prototype.render = function () {
    for (var i = 0; i < this.bindings.length; i++) {
      var b = this.bindings[i];
      if (b.node.isConnected) writeValue(b.node, this.state[b.key]);
    }
    for (var j = 0; j < this.hooks.length; j++) this.hooks[j](this.state);
  };

  function renderAll() {
    for (var i = 0; i < roots.length; i++) if (roots[i].container.isConnected) roots[i].render();
  }
  ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keypress', 'keyup',
   'beforeinput', 'input', 'change', 'focusin', 'focusout', 'paste', 'cut', 'drop', 'compositionend',
   'submit', 'reset', 'scroll', 'wheel'].forEach(function (type) {
    document.addEventListener(type, renderAll, false);
  });
  window.addEventListener('focus', renderAll, true);
  window.addEventListener('blur', renderAll, true);
  (function frame() { renderAll(); requestAnimationFrame(frame); })();
  setInterval(renderAll, 100);

  // Tiny DOM builder.
  function h(tag, props, children) {
    var el = document.createElement(tag);
    if (props) {
      for (var k in props) {
        if (!Object.prototype.hasOwnProperty.call(props, k)) continue;
        var v = props[k];
        if (v == null || v === false) continue;
        if (k === 'class') el.className = v;
        else if (k === 'text') el.textContent = v;
        else if (k.slice(0, 2) === 'on' && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    appendChildren(el, children);
    return el;
  }
  function appendChildren(el, children) {
    if (children == null || children === false) return;
    if (Array.isArray(children)) { for (var i = 0; i < children.length; i++) appendChildren(el, children[i]); return; }
    el.appendChild(typeof children === 'string' ? document.createTextNode(children) : children);
  }
  var idCounter = Math.floor(Math.random() * 40);
  function uid() {
    idCounter += 1 + Math.floor(Math.random() * 3);
    return ':r' + idCounter.toString(36) + Math.random().toString(36).slice(2, 4) + ':';
  }
  function randomBetween(min, max) { return min + Math.floor(Math.random() * (max - min + 1)); }
  var EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
  // Makes a div[role=button] behave like a button: click, Enter and Space.
  function pressable(el, action) {
    el.addEventListener('click', function (e) { e.preventDefault(); action(); });
    el.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar') { e.preventDefault(); action(); }
    });
    return el;
  }
  function postJson(url, body) {
    // Tests may hold the request (window.__holdSend = a promise) to act between Send and Meta's answer.
    return Promise.resolve(window.__holdSend)
      .then(function () { return fetch(url, { method: 'POST', credentials: 'include', body: JSON.stringify(body) }); })
      .then(function (r) { return r.text(); })
      .then(function (text) { return JSON.parse(text.replace(/^for \(;;\);/, '')); });
  }
`;
