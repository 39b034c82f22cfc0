#!/usr/bin/env node
// Runs Microsoft Recognizers-Text (Japanese and English cultures) over notes files line by line
// and prints kgx-jsonl/1 style records (document + quantity), so score.py can compare it with
// kgx on the same gold. Spans are sliced from the original line (Recognizers' own "text" is
// normalized), units are mapped to kgx's vocabulary where an equivalent exists.
// Usage: node recognizers_quantities.js FILE... > out.jsonl   (timing on stderr)
'use strict';
const fs = require('fs');
const path = require('path');
const R = require('@microsoft/recognizers-text-suite');

const cultures = [R.Culture.Japanese, R.Culture.English];
const recognizers = [R.recognizeCurrency, R.recognizePercentage, R.recognizeDimension, R.recognizeAge, R.recognizeNumber];

// Recognizers unit name -> [kgx unit, factor]
const units = {
  Dollar: ['usd', 1], 'United States dollar': ['usd', 1], Yen: ['jpy', 1], 'Japanese yen': ['jpy', 1],
  Bit: ['byte', 1 / 8], Byte: ['byte', 1], Kilobyte: ['byte', 1e3], Megabyte: ['byte', 1e6], Gigabyte: ['byte', 1e9],
  Terabyte: ['byte', 1e12], Petabyte: ['byte', 1e15], Exabyte: ['byte', 1e18],
  Kilobit: ['byte', 125], Megabit: ['byte', 125e3], Gigabit: ['byte', 125e6], Terabit: ['byte', 125e9], Petabit: ['byte', 125e12],
  Second: ['second', 1], Minute: ['second', 60], Hour: ['second', 3600], Day: ['second', 86400],
  Week: ['second', 604800], Month: ['second', 2592000], Year: ['second', 31536000],
  Mile: ['mile', 1],
};

function resolve(result) {
  const r = result.resolution || {};
  const value = Number(String(r.value || '').replace(/,/g, ''));
  if (result.typeName === 'percentage') return { value: parseFloat(String(r.value)), unit: 'percent' };
  if (r.unit && units[r.unit]) return { value: value * units[r.unit][1], unit: units[r.unit][0] };
  return { value, unit: r.unit ? String(r.unit).toLowerCase() : '' };
}

function recognizeLine(line) {
  const found = [];
  for (const culture of cultures) {
    for (const recognize of recognizers) {
      for (const result of recognize(line, culture)) {
        const start = result.start, end = result.end + 1;
        if (found.some(f => f.start < end && start < f.end)) continue;  // first (more specific) wins
        found.push({ start, end, ...resolve(result) });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const files = process.argv.slice(2);
let bytes = 0;
const started = process.hrtime.bigint();
const out = [];
files.forEach((file, i) => {
  const text = fs.readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(text);
  const id = 'D' + (i + 1);
  out.push({ kind: 'document', id, path: file });
  text.split('\n').forEach((line, n) => {
    for (const q of recognizeLine(line)) {
      out.push({ kind: 'quantity', doc: id, line: n + 1, text: line.slice(q.start, q.end), value: q.value, unit: q.unit, per: null });
    }
  });
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
for (const record of out) process.stdout.write(JSON.stringify(record) + '\n');
process.stderr.write(JSON.stringify({ bytes, seconds }) + '\n');
