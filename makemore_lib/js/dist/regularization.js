// makemore_lib/js/src/limits.js
var CHARS = ".abcdefghijklmnopqrstuvwxyz";
var MAX_SAMPLED_NAME_LENGTH = 1e3;
var SMOOTHING_GRID = [0, 1e-4, 10471285480508996e-20, 10964781961431851e-20, 1148153621496883e-19, 12022644346174131e-20, 12589254117941674e-20, 13182567385564074e-20, 13803842646028852e-20, 1445439770745928e-19, 15135612484362088e-20, 15848931924611142e-20, 16595869074375615e-20, 17378008287493763e-20, 18197008586099826e-20, 19054607179632462e-20, 19952623149688788e-20, 20892961308540387e-20, 21877616239495518e-20, 22908676527677723e-20, 239883291901949e-18, 25118864315095795e-20, 26302679918953814e-20, 2754228703338166e-19, 28840315031266055e-20, 3019951720402016e-19, 31622776601683794e-20, 3311311214825911e-19, 3467368504525317e-19, 3630780547701014e-19, 38018939632056124e-20, 39810717055349735e-20, 4168693834703355e-19, 4365158322401661e-19, 4570881896148752e-19, 47863009232263854e-20, 5011872336272725e-19, 5248074602497728e-19, 5495408738576248e-19, 5754399373371566e-19, 6025595860743575e-19, 630957344480193e-18, 6606934480075957e-19, 6918309709189362e-19, 7244359600749898e-19, 7585775750291835e-19, 7943282347242813e-19, 8317637711026709e-19, 8709635899560805e-19, 9120108393559096e-19, 9549925860214359e-19, 1e-3, 0.0010471285480508996, 0.0010964781961431851, 0.0011481536214968829, 0.001202264434617413, 0.0012589254117941675, 0.0013182567385564075, 0.0013803842646028853, 0.001445439770745928, 0.0015135612484362087, 0.001584893192461114, 0.0016595869074375613, 0.0017378008287493763, 0.0018197008586099826, 0.0019054607179632462, 0.001995262314968879, 0.0020892961308540386, 0.002187761623949552, 0.0022908676527677724, 0.00239883291901949, 0.0025118864315095794, 0.0026302679918953813, 0.002754228703338166, 0.0028840315031266055, 0.003019951720402016, 0.0031622776601683794, 0.003311311214825911, 0.0034673685045253167, 0.003630780547701014, 0.0038018939632056127, 0.003981071705534973, 0.004168693834703355, 0.004365158322401661, 0.004570881896148752, 0.004786300923226385, 0.005011872336272725, 0.005248074602497728, 0.005495408738576248, 0.005754399373371567, 0.006025595860743574, 0.00630957344480193, 0.006606934480075957, 0.006918309709189363, 0.007244359600749898, 0.007585775750291836, 0.007943282347242814, 0.008317637711026709, 0.008709635899560805, 0.009120108393559097, 0.009549925860214359, 0.01, 0.010471285480508996, 0.01096478196143185, 0.01148153621496883, 0.012022644346174132, 0.012589254117941675, 0.013182567385564075, 0.013803842646028845, 0.014454397707459272, 0.01513561248436208, 0.015848931924611134, 0.016595869074375606, 0.017378008287493755, 0.018197008586099836, 0.019054607179632473, 0.0199526231496888, 0.020892961308540396, 0.02187761623949553, 0.022908676527677734, 0.023988329190194897, 0.025118864315095794, 0.026302679918953815, 0.02754228703338166, 0.028840315031266057, 0.03019951720402016, 0.03162277660168379, 0.03311311214825911, 0.034673685045253165, 0.03630780547701014, 0.038018939632056124, 0.039810717055349734, 0.04168693834703355, 0.043651583224016584, 0.04570881896148749, 0.047863009232263824, 0.05011872336272722, 0.05248074602497726, 0.054954087385762455, 0.057543993733715694, 0.06025595860743578, 0.06309573444801933, 0.06606934480075961, 0.06918309709189366, 0.07244359600749903, 0.07585775750291836, 0.07943282347242814, 0.08317637711026708, 0.08709635899560805, 0.09120108393559097, 0.09549925860214359, 0.1, 0.10471285480508996, 0.1096478196143185, 0.1148153621496883, 0.12022644346174129, 0.12589254117941673, 0.1318256738556407, 0.1380384264602885, 0.14454397707459277, 0.15135612484362082, 0.15848931924611134, 0.16595869074375605, 0.17378008287493754, 0.18197008586099836, 0.19054607179632474, 0.19952623149688797, 0.20892961308540392, 0.21877616239495523, 0.2290867652767773, 0.23988329190194904, 0.251188643150958, 0.2630267991895382, 0.2754228703338166, 0.28840315031266056, 0.3019951720402016, 0.31622776601683794, 0.3311311214825911, 0.3467368504525316, 0.36307805477010135, 0.3801893963205612, 0.3981071705534972, 0.4168693834703354, 0.436515832240166, 0.457088189614875, 0.4786300923226383, 0.5011872336272722, 0.5248074602497725, 0.5495408738576245, 0.5754399373371569, 0.6025595860743578, 0.6309573444801932, 0.660693448007596, 0.6918309709189365, 0.72443596007499, 0.7585775750291838, 0.7943282347242815, 0.831763771102671, 0.8709635899560807, 0.9120108393559098, 0.954992586021436, 1, 1.0471285480508996, 1.096478196143185, 1.1481536214968828, 1.202264434617413, 1.2589254117941673, 1.318256738556407, 1.3803842646028848, 1.4454397707459274, 1.5135612484362082, 1.5848931924611136, 1.6595869074375607, 1.7378008287493754, 1.8197008586099834, 1.9054607179632472, 1.9952623149688795, 2.0892961308540396, 2.1877616239495525, 2.290867652767773, 2.3988329190194904, 2.51188643150958, 2.6302679918953817, 2.7542287033381663, 2.884031503126606, 3.019951720402016, 3.1622776601683795, 3.311311214825911, 3.4673685045253166, 3.630780547701014, 3.8018939632056115, 3.9810717055349722, 4.168693834703354, 4.36515832240166, 4.570881896148751, 4.786300923226384, 5.011872336272722, 5.248074602497725, 5.495408738576246, 5.7543993733715695, 6.025595860743578, 6.309573444801933, 6.606934480075959, 6.918309709189364, 7.244359600749901, 7.5857757502918375, 7.943282347242816, 8.31763771102671, 8.709635899560805, 9.120108393559097, 9.549925860214358, 10, 10.471285480508996, 10.964781961431852, 11.481536214968829, 12.02264434617413, 12.589254117941675, 13.182567385564074, 13.803842646028846, 14.454397707459272, 15.13561248436208, 15.848931924611133, 16.595869074375607, 17.378008287493753, 18.197008586099834, 19.054607179632473, 19.952623149688797, 20.892961308540396, 21.87761623949553, 22.908676527677734, 23.9883291901949, 25.118864315095795, 26.302679918953814, 27.542287033381662, 28.84031503126606, 30.19951720402016, 31.622776601683793, 33.11311214825911, 34.673685045253166, 36.30780547701014, 38.018939632056124, 39.810717055349734, 41.68693834703355, 43.65158322401658, 45.708818961487495, 47.86300923226383, 50.11872336272722, 52.48074602497726, 54.954087385762456, 57.543993733715695, 60.25595860743578, 63.09573444801933, 66.06934480075961, 69.18309709189366, 72.44359600749902, 75.85775750291836, 79.43282347242814, 83.17637711026708, 87.09635899560806, 91.20108393559097, 95.49925860214358, 100, 104.71285480508996, 109.64781961431851, 114.81536214968828, 120.22644346174131, 125.89254117941675, 131.82567385564073, 138.03842646028852, 144.5439770745928, 151.35612484362088, 158.48931924611142, 165.95869074375614, 173.78008287493762, 181.97008586099827, 190.54607179632464, 199.52623149688787, 208.92961308540387, 218.77616239495518, 229.08676527677724, 239.88329190194898, 251.18864315095797, 263.02679918953817, 275.4228703338166, 288.40315031266056, 301.9951720402016, 316.22776601683796, 331.1311214825911, 346.73685045253166, 363.0780547701014, 380.1893963205613, 398.1071705534973, 416.8693834703355, 436.5158322401661, 457.0881896148752, 478.6300923226385, 501.18723362727246, 524.8074602497728, 549.5408738576248, 575.4399373371566, 602.5595860743575, 630.957344480193, 660.6934480075957, 691.8309709189363, 724.4359600749899, 758.5775750291835, 794.3282347242813, 831.7637711026708, 870.9635899560806, 912.0108393559096, 954.992586021436, 1e3, 1047.1285480508996, 1096.4781961431852, 1148.1536214968828, 1202.2644346174131, 1258.9254117941675, 1318.2567385564075, 1380.3842646028852, 1445.439770745928, 1513.5612484362086, 1584.893192461114, 1659.5869074375614, 1737.8008287493763, 1819.7008586099826, 1905.4607179632462, 1995.2623149688789, 2089.296130854039, 2187.761623949552, 2290.8676527677726, 2398.83291901949, 2511.88643150958, 2630.2679918953813, 2754.2287033381663, 2884.031503126606, 3019.9517204020162, 3162.2776601683795, 3311.311214825911, 3467.368504525317, 3630.780547701014, 3801.8939632056126, 3981.0717055349733, 4168.693834703355, 4365.158322401661, 4570.881896148751, 4786.300923226385, 5011.872336272725, 5248.074602497728, 5495.408738576249, 5754.399373371566, 6025.595860743575, 6309.57344480193, 6606.934480075957, 6918.309709189362, 7244.359600749898, 7585.775750291836, 7943.282347242814, 8317.63771102671, 8709.635899560806, 9120.108393559096, 9549.92586021436, 1e4, 10471.285480508985, 10964.78196143185, 11481.536214968817, 12022.644346174131, 12589.254117941662, 13182.567385564074, 13803.842646028837, 14454.39770745928, 15135.612484362071, 15848.93192461114, 16595.869074375598, 17378.00828749376, 18197.008586099826, 19054.607179632483, 19952.62314968879, 20892.96130854041, 21877.616239495517, 22908.676527677748, 23988.329190194898, 25118.864315095823, 26302.679918953814, 27542.28703338169, 28840.31503126606, 30199.51720402019, 31622.776601683792, 33113.112148259075, 34673.685045253165, 36307.8054770101, 38018.93963205613, 39810.71705534969, 41686.93834703355, 43651.58322401656, 45708.818961487515, 47863.0092322638, 50118.72336272725, 52480.74602497723, 54954.08738576248, 57543.993733715666, 60255.95860743581, 63095.7344480193, 66069.34480075965, 69183.09709189362, 72443.59600749906, 75857.75750291836, 79432.82347242821, 83176.37711026709, 87096.35899560814, 91201.08393559097, 95499.25860214369, 1e5, 104712.85480508985, 109647.8196143185, 114815.36214968817, 120226.4434617413, 125892.54117941661, 131825.67385564075, 138038.42646028838, 144543.9770745928, 151356.12484362072, 158489.3192461114, 165958.69074375596, 173780.08287493762, 181970.08586099825, 190546.07179632483, 199526.2314968879, 208929.6130854041, 218776.16239495517, 229086.76527677747, 239883.29190194898, 251188.6431509582, 263026.7991895382, 275422.8703338169, 288403.15031266055, 301995.1720402019, 316227.7660168379, 331131.1214825908, 346736.85045253165, 363078.05477010104, 380189.39632056124, 398107.1705534969, 416869.3834703355, 436515.8322401656, 457088.1896148752, 478630.092322638, 501187.2336272725, 524807.4602497723, 549540.8738576248, 575439.9373371566, 602559.5860743581, 630957.344480193, 660693.4480075964, 691830.9709189363, 724435.9600749906, 758577.5750291835, 794328.2347242822, 831763.7711026708, 870963.5899560815, 912010.8393559096, 954992.5860214368, 1e6];
var MESSAGES = { "bigram": "bigram must be two characters from '.' and a-z, not {shown}", "seed_text": "seed must be a whole number, not {shown}", "diverged_lr": "training diverged with learning rate lr = {lr}: try a smaller lr", "diverged_l2": "training diverged with L2 strength l2 = {l2} (learning rate lr = {lr}): the same run without the penalty does not, so try a smaller l2", "overshoot": "the loss ended higher than it started: steps this large overshoot. The run is chaotic, so its last digits depend on rounding", "list_empty": "the list is empty: paste at least two words, separated by spaces, commas or new lines", "list_one_word": "the list has one word, {word}: paste at least two", "list_too_long": "the list is {size} characters long: the most accepted is {max}", "list_too_many": "the list has {count} words: the most accepted is {max}", "list_too_many_lines": "the list has {count} lines: the most accepted is {max}", "word_too_long": "words[{i}] is {size} characters long: the longest word accepted has {max}", "word_not_letter": "words[{i}] {word} has {ch} at position {pos}, which is not a letter, ' or -", "list_too_many_chars": "the list uses {count} different characters: the most accepted is {max}", "step": "step must be between 0 and {max} (the draws that make this batch's names), not {step}", "sampled_too_long": "probs do not end names: a sampled name passed {max} characters (check that column 0, the end token, can be reached)" };

// makemore_lib/js/src/maths.js
var f32 = Math.fround;
function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
}
function groupDigits(n) {
  const text = String(n);
  const sign = text.startsWith("-") ? "-" : "";
  return sign + text.slice(sign.length).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function pyG(x) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mantissa, exp] = x.toExponential(5).split("e");
  const e = Number(exp);
  const strip = (s) => s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
  if (e < -4 || e >= 6) return `${strip(mantissa)}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  return strip(x.toFixed(Math.max(0, 5 - e)));
}
function bigramProbs(counts, k = 0) {
  const kk = f32(k);
  return counts.map((row) => {
    let cells = row.map((c) => f32(c + kk));
    let total = 0;
    for (const v of cells) total = f32(total + v);
    if (total === 0) {
      cells = cells.map(() => 1);
      total = f32(cells.length);
    }
    return cells.map((v) => f32(v / total));
  });
}
function lossAndProbs(N, W, P, total, l2, V) {
  let ll = 0, sq = 0;
  for (let i = 0; i < V; i++) {
    const o = i * V;
    let m = -Infinity;
    for (let j = 0; j < V; j++) if (W[o + j] > m) m = W[o + j];
    let s = 0;
    for (let j = 0; j < V; j++) {
      const e = Math.exp(W[o + j] - m);
      P[o + j] = e;
      s += e;
    }
    const lse = m + Math.log(s);
    for (let j = 0; j < V; j++) {
      const w = W[o + j];
      ll += N[o + j] * (w - lse);
      sq += w * w;
      P[o + j] /= s;
    }
  }
  return { data: -ll / total, penalty: l2 * sq / (V * V) };
}
function trainCounts(counts, W0, steps, lr, l2) {
  const V = counts.length;
  const N = Float64Array.from(counts.flat());
  const W = Float64Array.from(W0.flat());
  const P = new Float64Array(V * V);
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const decay = 2 * l2 / (V * V);
  const losses = [];
  for (let s = 0; ; s++) {
    const { data, penalty } = lossAndProbs(N, W, P, total, l2, V);
    losses.push(data + penalty);
    if (s === steps) {
      const rows = Array.from({ length: V }, (_, i) => Array.from(W.subarray(i * V, i * V + V)));
      return { W: rows, losses, data, penalty };
    }
    for (let i = 0; i < V; i++)
      for (let j = 0; j < V; j++) {
        const x = i * V + j;
        W[x] -= lr * ((rowTotals[i] * P[x] - N[x]) / total + decay * W[x]);
      }
  }
}
function diverged(run, limit) {
  return !(run.losses.every((x) => Number.isFinite(x) && x < limit) && run.W.every((row) => row.every(Number.isFinite)));
}
function divergenceMessage(counts, W0, steps, lr, l2, limit) {
  const blameL2 = l2 > 0 && !diverged(trainCounts(counts, W0, steps, lr, 0), limit);
  return format(blameL2 ? MESSAGES.diverged_l2 : MESSAGES.diverged_lr, { lr: pyG(lr), l2: pyG(l2) });
}
function softmaxRows(W) {
  return W.map((row) => {
    let m = -Infinity;
    for (const x of row) if (x > m) m = x;
    let s = 0;
    for (const x of row) s += Math.exp(x - m);
    const lse = m + Math.log(s);
    return row.map((x) => f32(Math.exp(x - lse)));
  });
}
function closestSmoothing(counts, P, grid = SMOOTHING_GRID) {
  const V = counts.length;
  const rows = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const total = rows.reduce((a, b) => a + b, 0);
  const logq = P.map((row) => row.map((q) => Math.log(q)));
  let best = 0, bestKl = Infinity;
  grid.forEach((k, g) => {
    let kl = 0;
    for (let i = 0; i < V; i++) {
      let rowTotal = 0;
      for (let j = 0; j < V; j++) rowTotal += counts[i][j] + k;
      let terms = 0;
      for (let j = 0; j < V; j++) {
        const p = rowTotal > 0 ? (counts[i][j] + k) / rowTotal : 1 / 27;
        if (p > 0) terms += p * (Math.log(p) - logq[i][j]);
      }
      kl += rows[i] * terms;
    }
    kl /= total;
    if (kl < bestKl) {
      best = g;
      bestKl = kl;
    }
  });
  return { k: grid[best], kl: Math.max(bestKl, 0) };
}
function largestDifference(A, B) {
  let best = [0, 0], size = -1;
  A.forEach((row, i) => row.forEach((a, j) => {
    const d = Math.abs(a - B[i][j]);
    if (d > size) {
      size = d;
      best = [i, j];
    }
  }));
  return { bigram: CHARS[best[0]] + CHARS[best[1]], a: A[best[0]][best[1]], b: B[best[0]][best[1]], size };
}
function mt19937(seed) {
  const mt = new Uint32Array(624);
  mt[0] = Number(BigInt(seed) & 0xffffffffn);
  for (let i = 1; i < 624; i++) mt[i] = Math.imul(1812433253, mt[i - 1] ^ mt[i - 1] >>> 30) + i >>> 0;
  let index = 624;
  return function next() {
    if (index >= 624) {
      for (let i = 0; i < 624; i++) {
        const y2 = mt[i] & 2147483648 | mt[(i + 1) % 624] & 2147483647;
        mt[i] = mt[(i + 397) % 624] ^ y2 >>> 1 ^ (y2 & 1 ? 2567483615 : 0);
      }
      index = 0;
    }
    let y = mt[index++];
    y ^= y >>> 11;
    y ^= y << 7 & 2636928640;
    y ^= y << 15 & 4022730752;
    y ^= y >>> 18;
    return y >>> 0;
  };
}
function exponential(next) {
  const a = next(), b = next();
  const u = ((a & 2097151) * 4294967296 + b) / 9007199254740992;
  return f32(-Math.log1p(-u));
}
function drawIndex(row, next, scores) {
  let best = 0, bestValue = -Infinity;
  for (let j = 0; j < row.length; j++) {
    const value = f32(f32(row[j]) / exponential(next));
    if (scores) scores[j] = value;
    if (value > bestValue) {
      best = j;
      bestValue = value;
    }
  }
  return best;
}
function drawName(probs, next, chars, draws) {
  let ix = 0;
  const out = [];
  for (; ; ) {
    const row = ix, scores = draws ? new Array(probs[row].length) : null;
    ix = drawIndex(probs[row], next, scores);
    if (draws) draws.push({ row, index: ix, scores });
    if (ix === 0) return out.join("");
    out.push(chars[ix]);
    if (out.length > MAX_SAMPLED_NAME_LENGTH) throw new Error(format(MESSAGES.sampled_too_long, { max: groupDigits(MAX_SAMPLED_NAME_LENGTH) }));
  }
}
function sampleNames(probs, seed, count, itos = CHARS) {
  const chars = [...itos];
  const next = mt19937(seed);
  const names = [];
  while (names.length < count) names.push(drawName(probs, next, chars, null));
  return names;
}

// makemore_lib/js/src/ui.js
var BLUES = [
  [247, 251, 255],
  [221, 234, 246],
  [197, 218, 238],
  [157, 201, 224],
  [106, 173, 213],
  [65, 145, 197],
  [32, 112, 180],
  [8, 80, 154],
  [8, 48, 107]
];
function blues(x) {
  const t = Math.min(Math.max(x, 0), 1) * (BLUES.length - 1);
  const i = Math.min(Math.floor(t), BLUES.length - 2), f = t - i;
  const c = BLUES[i].map((v, n) => Math.round(v + f * (BLUES[i + 1][n] - v)));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key === "style") node.style.cssText = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}
function frame(host, kind, title) {
  const root = el("div", { class: "mm-live", "data-widget": kind });
  if (title) root.append(el("div", { style: "font-weight:600", text: title }));
  host.append(root);
  return root;
}
function errorLine(out = "error") {
  const line = el("div", { class: "mm-error", role: "alert", "data-out": out });
  line.show = (message) => {
    line.textContent = message ? "\u26A0 " + message : "";
  };
  return line;
}
function optionSlider(label, options, value, onChange, name) {
  const nearest = (v) => Math.max(0, options.reduce((best, x, i) => x <= v ? i : best, 0));
  const input = el("input", {
    type: "range",
    min: 0,
    max: options.length - 1,
    step: 1,
    value: nearest(value),
    "aria-label": label,
    "data-control": name
  });
  const shown = el("span", { class: "mm-value", text: String(value) });
  input.addEventListener("input", () => {
    const v = options[Number(input.value)];
    shown.textContent = String(v);
    onChange(v);
  });
  const set = (v) => {
    input.value = nearest(v);
    shown.textContent = String(v);
  };
  return { row: el("div", { class: "mm-row" }, [el("label", { text: label }), input, shown]), input, set };
}
function intSlider(label, min, max, value, onChange, name) {
  const input = el("input", { type: "range", min, max, step: 1, value, "aria-label": label, "data-control": name });
  const shown = el("span", { class: "mm-value", text: String(value) });
  input.addEventListener("input", () => {
    shown.textContent = input.value;
    onChange(Number(input.value));
  });
  const set = (v) => {
    input.value = v;
    shown.textContent = String(v);
  };
  return { row: el("div", { class: "mm-row" }, [el("label", { text: label }), input, shown]), input, set };
}
function heatmapCanvas(cell = 16) {
  const pad = 16;
  const canvas = el("canvas", { role: "img", class: "mm-heatmap" });
  let labels = [...CHARS];
  canvas.matrix = null;
  canvas.draw = (M, vmax, label, itos = CHARS, outline = null) => {
    labels = [...itos];
    canvas.matrix = M;
    const V = labels.length, size = pad + V * cell, dpr = Math.max(1, Math.round(globalThis.devicePixelRatio || 1));
    if (canvas.width !== size * dpr) {
      canvas.width = canvas.height = size * dpr;
      canvas.style.width = canvas.style.height = `${size}px`;
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, size, size);
    ctx.fillStyle = "#222";
    ctx.font = "12px ui-monospace, monospace";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (let i = 0; i < V; i++) {
      ctx.fillText(labels[i], pad + i * cell + cell / 2, pad / 2);
      ctx.fillText(labels[i], pad / 2, pad + i * cell + cell / 2);
    }
    for (let i = 0; i < V; i++)
      for (let j = 0; j < V; j++) {
        ctx.fillStyle = blues(vmax > 0 ? M[i][j] / vmax : 0);
        ctx.fillRect(pad + j * cell, pad + i * cell, cell, cell);
      }
    const at = outline ? [labels.indexOf(outline[0]), labels.indexOf(outline[1])] : [-1, -1];
    if (at[0] >= 0 && at[1] >= 0) {
      const [x, y] = [pad + at[1] * cell, pad + at[0] * cell];
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#d1495b";
      ctx.strokeRect(x - 1.5, y - 1.5, cell + 3, cell + 3);
      ctx.lineWidth = 1;
      ctx.strokeStyle = "#fff";
      ctx.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
    }
    canvas.setAttribute("aria-label", label + (at[0] >= 0 && at[1] >= 0 ? `; the cell of ${outline} is outlined` : ""));
  };
  canvas.cellAt = (event) => {
    const r = canvas.getBoundingClientRect(), V = labels.length, size = pad + V * cell;
    const j = Math.floor(((event.clientX - r.left) * size / r.width - pad) / cell);
    const i = Math.floor(((event.clientY - r.top) * size / r.height - pad) / cell);
    return i >= 0 && i < V && j >= 0 && j < V ? labels[i] + labels[j] : null;
  };
  return canvas;
}
function heatmapBox(canvas, label, caption) {
  return el("figure", { class: "mm-heat" }, [
    el("div", { class: "mm-scroll", tabindex: 0, role: "region", "aria-label": label }, [canvas]),
    el("figcaption", { class: "mm-note", text: caption })
  ]);
}
function chips(names) {
  return names.map((n) => el("code", n ? { class: "mm-chip", text: n } : { class: "mm-chip", title: "an empty name: the end token came first" }));
}
function timed(root, update, error) {
  return (...args) => {
    const start = performance.now();
    try {
      update(...args);
    } catch (err) {
      if (!error) throw err;
      error.show(err.message);
    }
    root.dataset.updateMs = (performance.now() - start).toFixed(2);
  };
}
function saver(model) {
  return (name) => (v) => {
    model.set(name, v);
    model.save_changes();
  };
}

// makemore_lib/js/src/widgets/regularization.js
function render({ model, el: host }) {
  const root = frame(host, "regularization", "Regularization: the L2 penalty pulls W towards 0");
  const counts = model.get("counts");
  const W0 = model.get("w0");
  const vmax = Math.max(...bigramProbs(counts, 0).flat());
  const [maxSteps, limit] = model.get("limits");
  const set = saver(model);
  const l2 = optionSlider("\u03BB (L2 strength)", model.get("l2_options"), model.get("l2"), set("l2"), "l2");
  const steps = intSlider("training steps", 1, maxSteps, model.get("steps"), set("steps"), "steps");
  const error = errorLine();
  const data = el("b", { "data-out": "data" });
  const penalty = el("b", { "data-out": "penalty" });
  const loss = el("b", { "data-out": "loss" });
  const closest = el("b", { "data-out": "closest_k" });
  const difference = el("span", { "data-out": "difference" });
  const net = heatmapCanvas(14), smooth = heatmapCanvas(14);
  const netCaption = "the trained net's P", smoothCaption = el("span");
  const smoothFigure = heatmapBox(smooth, "the smoothed counts' P (scrolls sideways)", "");
  smoothFigure.querySelector("figcaption").append(smoothCaption);
  const names = el("div", { "data-out": "names" });
  const namesLabel = el("span");
  const results = el("div", {}, [
    el("div", { class: "mm-row" }, [el("label", { text: "data loss" }), data]),
    el("div", { class: "mm-row" }, [el("label", { text: "penalty \u03BB\xB7mean(W\xB2)" }), penalty]),
    el("div", { class: "mm-row" }, [el("label", { text: "total loss" }), loss]),
    el("div", { class: "mm-row" }, [
      el("label", { text: "closest smoothing k" }),
      closest,
      el("span", { class: "mm-note", text: "the counts model bigram_probs(counts, k) nearest to this net" })
    ]),
    el("div", { class: "mm-row" }, [el("label", { text: "largest difference" }), difference]),
    el("div", { class: "mm-pair" }, [heatmapBox(net, "the trained net's P (scrolls sideways)", netCaption), smoothFigure]),
    el("div", { class: "mm-note", text: "Row = first character, column = the next one; one colour scale for both: darker = more likely." }),
    el("div", {}, [namesLabel, names])
  ]);
  const note = el("div", { class: "mm-note" });
  root.append(l2.row, steps.row, error, results, note);
  let searches = 0;
  const update = timed(root, () => {
    const [lambda, n, rate] = [model.get("l2"), model.get("steps"), model.get("lr")];
    l2.set(lambda);
    steps.set(n);
    note.textContent = `Each move trains ${n} steps from the lecture's W with learning rate ${rate}.`;
    const run = trainCounts(counts, W0, n, rate, lambda);
    const bad = diverged(run, limit);
    error.show(bad ? divergenceMessage(counts, W0, n, rate, lambda, limit) : null);
    results.style.display = bad ? "none" : "";
    names.replaceChildren();
    if (bad) return;
    data.textContent = run.data.toFixed(4);
    penalty.textContent = run.penalty.toFixed(4);
    loss.textContent = (run.data + run.penalty).toFixed(4);
    const P = softmaxRows(run.W);
    net.draw(P, vmax, `the trained net's P for \u03BB = ${lambda}, as a 27 by 27 heatmap`);
    closest.textContent = difference.textContent = smoothCaption.textContent = "\u2026";
    const mine = ++searches;
    setTimeout(() => {
      if (mine !== searches) return;
      const found = closestSmoothing(counts, P).k, k = Number(found.toPrecision(4));
      const S = bigramProbs(counts, found);
      const d = largestDifference(P, S);
      closest.textContent = String(k);
      smoothCaption.textContent = `the smoothed counts' P, k = ${k}`;
      difference.textContent = `P(${d.bigram[1]} after ${d.bigram[0]}): net ${d.a.toFixed(4)}, counts ${d.b.toFixed(4)} (${d.size.toFixed(4)} apart; outlined)`;
      net.draw(P, vmax, `the trained net's P for \u03BB = ${lambda}, as a 27 by 27 heatmap`, CHARS, d.bigram);
      smooth.draw(S, vmax, `the smoothed counts' P for k = ${k}, as a 27 by 27 heatmap`, CHARS, d.bigram);
    }, 0);
    namesLabel.textContent = `five names (seed ${model.get("seed")}): `;
    names.replaceChildren(...chips(sampleNames(P, model.get("seed"), 5)));
  }, error);
  for (const name of ["l2", "steps", "lr", "seed"]) model.on(`change:${name}`, update);
  update();
}
var regularization_default = { render };
export {
  regularization_default as default
};
