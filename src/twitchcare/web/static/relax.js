/* twitchcare: the relaxation player. Without this file the page is a list of steps and a form.

   It times the session's steps (the plan comes from the server, made by the same code as the
   terminal player), shows the current step and the time left, drives the breathing circle, plays
   soft tones made with Web Audio when the person asks for them, and at the end fills in the
   "I did this session" form with the minutes practised. */
(function () {
  "use strict";

  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    var m = Math.floor(s / 60);
    var r = s % 60;
    return m + ":" + (r < 10 ? "0" : "") + r;
  }

  function Tones() {
    /* Generated, never downloaded: a sine tone through a gain that fades in and out. */
    var Context = window.AudioContext || window.webkitAudioContext;
    this.ctx = Context ? new Context() : null;
  }
  Tones.prototype.play = function (from, to, seconds, level) {
    if (!this.ctx) { return; }
    var ctx = this.ctx;
    var t = ctx.currentTime;
    var osc = ctx.createOscillator();
    var gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.setValueAtTime(from, t);
    osc.frequency.linearRampToValueAtTime(to, t + seconds);
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.linearRampToValueAtTime(level, t + Math.min(0.8, seconds / 3));
    gain.gain.linearRampToValueAtTime(0.0001, t + seconds);
    osc.connect(gain);
    gain.connect(ctx.destination);
    osc.start(t);
    osc.stop(t + seconds + 0.05);
  };
  Tones.prototype.cue = function (cue, seconds) {
    var length = Math.max(0.6, Math.min(seconds, 8));
    if (cue === "inhale") { this.play(196, 262, length, 0.08); }
    else if (cue === "exhale") { this.play(262, 196, length, 0.08); }
    else if (cue === "bell") { this.play(528, 528, 2.5, 0.1); }
    else if (cue !== "hold") { this.play(330, 330, 1.5, 0.06); }
  };
  Tones.prototype.resume = function () {
    if (this.ctx && this.ctx.state === "suspended") { this.ctx.resume(); }
  };

  function Player(root) {
    this.root = root;
    this.plan = JSON.parse(root.getAttribute("data-plan"));
    this.speed = parseFloat(root.getAttribute("data-speed")) || 1;
    this.stepText = root.querySelector("[data-step]");
    this.left = root.querySelector("[data-left]");
    this.status = root.querySelector("[data-status]");
    this.breath = root.querySelector(".breath");
    this.startButton = root.querySelector("[data-start]");
    this.pauseButton = root.querySelector("[data-pause]");
    this.stopButton = root.querySelector("[data-stop]");
    this.sound = root.querySelector("[data-sound]");
    this.form = document.querySelector("[data-done-form]");
    this.elapsed = 0;
    this.index = -1;
    this.timer = null;
    this.last = 0;
    this.tones = null;
    var self = this;
    this.startButton.addEventListener("click", function () { self.start(); });
    this.pauseButton.addEventListener("click", function () { self.pause(); });
    this.stopButton.addEventListener("click", function () { self.stop(false); });
    this.sound.addEventListener("change", function () {
      if (self.sound.checked && !self.tones) { self.tones = new Tones(); }
      if (self.tones) { self.tones.resume(); }
    });
  }

  Player.prototype.start = function () {
    var self = this;
    if (this.elapsed >= this.plan.seconds) { this.elapsed = 0; this.index = -1; }
    this.last = performance.now();
    this.timer = window.setInterval(function () { self.tick(); }, 100);
    this.startButton.hidden = true;
    this.pauseButton.hidden = false;
    this.stopButton.hidden = false;
    this.status.textContent = "";
    if (this.tones) { this.tones.resume(); }
    this.tick();
  };

  Player.prototype.pause = function () {
    window.clearInterval(this.timer);
    this.timer = null;
    this.startButton.hidden = false;
    this.startButton.textContent = this.root.getAttribute("data-resume") || this.startButton.textContent;
    this.pauseButton.hidden = true;
    if (this.breath) { this.breath.className = "breath paused"; }
  };

  Player.prototype.show = function (i) {
    var step = this.plan.steps[i];
    this.index = i;
    this.stepText.textContent = step.text;
    if (this.breath) {
      var circle = this.breath.firstElementChild;
      circle.style.transitionDuration = (step.seconds / this.speed) + "s";
      this.breath.className = "breath " + (step.cue || "rest");
    }
    if (this.tones && this.sound.checked) { this.tones.cue(step.cue, step.seconds / this.speed); }
  };

  Player.prototype.tick = function () {
    var now = performance.now();
    this.elapsed += (now - this.last) / 1000 * this.speed;
    this.last = now;
    var steps = this.plan.steps;
    if (this.elapsed >= this.plan.seconds) {
      this.left.textContent = clock(0);
      this.stop(true);
      return;
    }
    var i = Math.max(this.index, 0);
    while (i + 1 < steps.length && steps[i + 1].start <= this.elapsed) { i += 1; }
    if (i !== this.index) { this.show(i); }
    this.left.textContent = clock(this.plan.seconds - this.elapsed);
  };

  Player.prototype.stop = function (finished) {
    window.clearInterval(this.timer);
    this.timer = null;
    this.startButton.hidden = false;
    this.pauseButton.hidden = true;
    this.stopButton.hidden = true;
    if (this.breath) { this.breath.className = "breath"; }
    var practised = Math.min(this.elapsed, this.plan.seconds) / 60;
    var minutes = Math.round(practised * 10) / 10;
    if (!this.form) { return; }
    this.form.querySelector("[data-minutes]").value = String(minutes);
    this.form.querySelector("[data-completed]").value = finished ? "yes" : "no";
    this.status.textContent = (finished
      ? this.root.getAttribute("data-finished")
      : this.root.getAttribute("data-stopped")).replace("{minutes}", String(minutes));
    this.stepText.textContent = finished ? this.root.getAttribute("data-finished-step") : this.stepText.textContent;
    this.form.querySelector("button[type=submit]").focus();
  };

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-player]").forEach(function (root) { new Player(root); });
  });
}());
