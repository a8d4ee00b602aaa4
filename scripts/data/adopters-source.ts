/**
 * Hand transcription of every named-adopter listing in the 1999 survey report
 * (`data/sources/000_7a6e6f7d2cc5bfc8.txt`), with the seed line each fact comes from.
 *
 * This file holds only what is printed (plus, for the name-only lists 4.7–4.15, the kommunenummer
 * resolved from the printed name and the county header it sits under). All checks against SSB and
 * between listings are computed by `build-municipalities.ts`; the reasoning for each judgement call
 * lives next to the data in `notes` and `rejected` so the discrepancy report can be generated.
 *
 * Layout of the appendix in the text extract: each Tabell 4.1–4.6 prints a column of names
 * ("4 – Hedmark", "420 Eidskog", …) and, separately, a column of size codes ("folketall", 1–6 as in
 * the Vedlegg intro, seed lines 2482–2484) in which county-header rows and fylkeskommuner are blank.
 * The extract splits both columns at page breaks; the codes were re-aligned chunk by chunk: every
 * chunk has exactly one code per name row (a leading county header has no code in some chunks),
 * and the alignment was checked against SSB sizes far from class boundaries.
 */

/** Status variables of the six models (Tabell 4.1–4.6, q3 … q24 in the questionnaire). */
export type ModelVariable = "q3" | "q7" | "q12" | "q16" | "q20" | "q24";

/** The nine "other models" of q28, in questionnaire order (seed lines 4670–4686). */
export type OtherModelVariable =
  | "q28_1" | "q28_2" | "q28_3" | "q28_4" | "q28_5" | "q28_6" | "q28_7" | "q28_8" | "q28_9";

export type ListedVariable = ModelVariable | OtherModelVariable;

/**
 * One printed row of a listing: [kommunenummer (4 digits, resolved), text as printed, seed line,
 * printed size code or null when blank, seed line of the size code or null (name-only lists)].
 */
export type EntryTuple = readonly [string, string, number, number | null, number | null];

/** A printed row that is not taken as an adopter, with the reason. */
export interface RejectedRow {
  printed: string;
  line: number;
  reason: string;
}

/** One Vedlegg listing (Tabell 4.x). */
export interface Listing {
  table: string;
  caption: string;
  captionLine: number;
  variable: ListedVariable;
  /** The code the listing implies: 1 "Har allerede innført" (q3…q24) or 1 "I stor grad" (q28_k). */
  status: number;
  /** Printed count of this code elsewhere in the report (Tabell 2.1 / 2.5) and where. */
  printedCount: { table: string; count: number; line: number };
  entries: readonly EntryTuple[];
  rejected: readonly RejectedRow[];
}

/** The code for "I stor grad" in q28 (questionnaire, seed lines 4666–4686: 1 I stor grad … 9 Uaktuelt/vet ikke). */
export const Q28_I_STOR_GRAD = 1;
/** The code for "Har allerede innført" in q3, q7, q12, q16, q20, q24 (e.g. seed line 4581). */
export const HAR_ALLEREDE_INNFORT = 1;

export const LISTINGS: readonly Listing[] = [
  {
    table: "4.1", caption: "Anvendelse av serviceerklæringer - profiler", captionLine: 2745, variable: "q3",
    status: HAR_ALLEREDE_INNFORT, printedCount: { table: "2.1", count: 16, line: 617 },
    entries: [
      ["0420", "420 Eidskog", 2752, 3, 2804],
      ["0529", "529 Vestre Toten", 2756, 3, 2808],
      ["0617", "617 Gol", 2760, 2, 2812],
      ["0624", "624 Øvre Eiker", 2762, 4, 2814],
      ["0626", "626 Lier", 2764, 4, 2816],
      ["0700", "700 Vestfold fylkeskommune", 2768, null, 2820],
      ["0702", "702 Holmestrand", 2770, 3, 2822],
      ["0704", "704 Tønsberg", 2772, 5, 2824],
      ["0716", "716 Våle", 2774, 2, 2826],
      ["0805", "805 Porsgrunn", 2778, 5, 2830],
      ["0919", "919 Froland", 2782, 2, 2834],
      ["1002", "1002 Mandal", 2786, 3, 2838],
      ["1112", "1112 Lund", 2790, 2, 2842],
      ["1130", "1130 Strand", 2792, 3, 2844],
      ["1601", "1601 Trondheim", 2796, 6, 2848],
      ["1702", "1702 Steinkjer", 2800, 4, 2852],
    ],
    rejected: [
      {
        printed: "1600 Sør-Trøndelag", line: 2794,
        reason:
          "Read as the county header of Sør-Trøndelag, not as the fylkeskommune: (1) it stands where every " +
          "other block has its header ('16 – Sør-Trøndelag') and Trondheim (1601) below it has no other header; " +
          "(2) unlike '700 Vestfold fylkeskommune' it carries no 'fylkeskommune'; (3) without it the list has 16 " +
          "units, exactly Tabell 2.1's 16 (line 617), while the other five lists match Tabell 2.1 including their " +
          "fylkeskommuner; (4) the text says no fylkeskommune has two of the six models (lines 883–884), but " +
          "Sør-Trøndelag fylkeskommune is a BPR adopter (Tabell 4.6, line 3675), so a second model here would " +
          "contradict it. Its size cell is blank (line 2846), as for headers and fylkeskommuner alike.",
      },
    ],
  },
  {
    table: "4.2", caption: "Innføring av servicetorg - profiler", captionLine: 2853, variable: "q7",
    status: HAR_ALLEREDE_INNFORT, printedCount: { table: "2.1", count: 60, line: 620 },
    entries: [
      ["0138", "138 Hobøl", 2859, 2, 2913],
      ["0211", "211 Vestby", 2863, 3, 2917],
      ["0226", "226 Sørum", 2865, 3, 2919],
      ["0230", "230 Lørenskog", 2867, 5, 2921],
      ["0235", "235 Ullensaker", 2869, 4, 2923],
      ["0301", "301 Oslo", 2873, 6, 2927],
      ["0419", "419 Sør-Odal", 2877, 3, 2931],
      ["0420", "420 Eidskog", 2879, 3, 2933],
      ["0429", "429 Åmot", 2881, 2, 2935],
      ["0430", "430 Stor-Elvdal", 2883, 2, 2937],
      ["0438", "438 Alvdal", 2885, 2, 2939],
      ["0439", "439 Folldal", 2887, 2, 2941],
      ["0517", "517 Sel", 2891, 3, 2945],
      ["0521", "521 Øyer", 2893, 2, 2947],
      ["0522", "522 Gausdal", 2895, 3, 2949],
      ["0528", "528 Østre Toten", 2897, 3, 2951],
      ["0529", "529 Vestre Toten", 2899, 3, 2953],
      ["0538", "538 Nordre Land", 2901, 3, 2955],
      ["0542", "542 Nord-Aurdal", 2903, 3, 2957],
      ["0605", "605 Ringerike", 2907, 5, 2961],
      ["0624", "624 Øvre Eiker", 2909, 4, 2963],
      ["0627", "627 Røyken", 2964, 4, 3024],
      ["0632", "632 Rollag", 2966, 2, 3026],
      ["0704", "704 Tønsberg", 2970, 5, 3030],
      ["0709", "709 Larvik", 2972, 5, 3032],
      ["0811", "811 Siljan", 2976, 2, 3036],
      ["1029", "1029 Lindesnes", 2980, 2, 3040],
      ["1114", "1114 Bjerkreim", 2984, 2, 3044],
      ["1201", "1201 Bergen", 2988, 6, 3048],
      ["1216", "1216 Sveio", 2990, 2, 3050],
      ["1221", "1221 Stord", 2992, 4, 3052],
      ["1231", "1231 Ullensvang", 2994, 2, 3054],
      ["1235", "1235 Voss", 2996, 3, 3056],
      ["1242", "1242 Samnanger", 2998, 2, 3058],
      ["1243", "1243 Os", 3000, 3, 3060],
      ["1420", "1420 Sogndal", 3004, 3, 3064],
      ["1424", "1424 Årdal", 3006, 3, 3066],
      ["1514", "1514 Sande", 3010, 2, 3070],
      ["1532", "1532 Giske", 3012, 3, 3072],
      ["1613", "1613 Snillfjord", 3016, 2, 3076],
      ["1621", "1621 Ørland", 3018, 3, 3078],
      ["1624", "1624 Rissa", 3020, 3, 3080],
      ["1627", "1627 Bjugn", 3022, 2, 3082],
      ["1635", "1635 Rennebu", 3083, 2, 3121],
      ["1644", "1644 Holtålen", 3085, 2, 3123],
      ["1648", "1648 Midtre Gauldal", 3087, 3, 3125],
      ["1657", "1657 Skaun", 3089, 3, 3127],
      ["1665", "1665 Tydal", 3091, 1, 3129],
      ["1740", "1740 Namsskogan", 3095, 1, 3133],
      ["1815", "1815 Vega", 3099, 2, 3137],
      ["1824", "1824 Vefsn", 3101, 3, 3139],
      ["1827", "1827 Dønna", 3103, 2, 3141],
      ["1919", "1919 Gratangen", 3107, 2, 3145],
      ["1942", "1942 Nordreisa", 3109, 2, 3147],
      ["2020", "2020 Porsanger", 3113, 2, 3151],
      ["2021", "2021 Karasjok", 3115, 2, 3153],
      ["2025", "2025 Tana", 3117, 2, 3155],
      ["2030", "2030 Sør-Varanger", 3119, 3, 3157],
    ],
    rejected: [],
  },
  {
    table: "4.3", caption: "Innføring av elektronisk servicenettverk - profiler", captionLine: 3158, variable: "q12",
    status: HAR_ALLEREDE_INNFORT, printedCount: { table: "2.1", count: 29, line: 623 },
    entries: [
      ["0105", "105 Sarpsborg", 3166, 5, 3220],
      ["0111", "111 Hvaler", 3168, 2, 3222],
      ["0213", "213 Ski", 3172, 5, 3226],
      ["0226", "226 Sørum", 3174, 3, 3228],
      ["0412", "412 Ringsaker", 3178, 5, 3232],
      ["0419", "419 Sør-Odal", 3180, 3, 3234],
      ["0420", "420 Eidskog", 3182, 3, 3236],
      ["0437", "437 Tynset", 3184, 3, 3238],
      ["0516", "516 Nord-Fron", 3188, 3, 3242],
      ["0538", "538 Nordre Land", 3190, 3, 3244],
      // The first code chunk (lines 3216–3266) has one blank more than its rows need; aligned from the
      // bottom every code fits, and Drammen's cell (line 3248) is blank: its printed code is lost.
      ["0602", "602 Drammen", 3194, null, 3248],
      ["0605", "605 Ringerike", 3196, 5, 3250],
      ["0612", "612 Hole", 3198, 3, 3252],
      ["0627", "627 Røyken", 3200, 4, 3254],
      ["0632", "632 Rollag", 3202, 2, 3256],
      ["0718", "718 Ramnes", 3206, 2, 3260],
      ["0805", "805 Porsgrunn", 3210, 5, 3264],
      ["0817", "817 Drangedal", 3212, 2, 3266],
      ["1101", "1101 Eigersund", 3267, 3, 3303],
      ["1102", "1102 Sandnes", 3269, 6, 3305],
      ["1400", "1400 Sogn og Fjordane", 3273, null, 3309],
      ["1528", "1528 Sykkylven", 3277, 3, 3313],
      ["1563", "1563 Sunndal", 3279, 3, 3315],
      ["1620", "1620 Frøya", 3283, 1, 3319],
      ["1719", "1719 Levanger", 3287, 4, 3323],
      ["1824", "1824 Vefsn", 3291, 3, 3327],
      ["1845", "1845 Sørfold", 3293, 2, 3329],
      ["1942", "1942 Nordreisa", 3297, 2, 3333],
      ["2015", "2015 Hasvik", 3301, 2, 3337],
    ],
    rejected: [],
  },
  {
    table: "4.4", caption: "Innføring av etisk prosess - profiler", captionLine: 3338, variable: "q16",
    status: HAR_ALLEREDE_INNFORT, printedCount: { table: "2.1", count: 18, line: 626 },
    entries: [
      ["0214", "214 Ås", 3344, 3, 3398],
      ["0301", "301 Oslo", 3348, 6, 3402],
      ["0420", "420 Eidskog", 3352, 3, 3406],
      ["0605", "605 Ringerike", 3356, 5, 3410],
      ["0621", "621 Sigdal", 3358, 2, 3412],
      ["0624", "624 Øvre Eiker", 3360, 4, 3414],
      ["0709", "709 Larvik", 3364, 5, 3418],
      ["1114", "1114 Bjerkreim", 3368, 2, 3422],
      ["1235", "1235 Voss", 3372, 3, 3426],
      ["1264", "1264 Austrheim", 3374, 2, 3428],
      ["1613", "1613 Snillfjord", 3378, 2, 3432],
      ["1644", "1644 Holtålen", 3380, 2, 3434],
      ["1717", "1717 Frosta", 3384, 2, 3438],
      ["1866", "1866 Hadsel", 3388, 3, 3442],
      ["1868", "1868 Øksnes", 3390, 2, 3444],
      ["1927", "1927 Tranøy", 3394, 2, 3448],
      ["2012", "2012 Alta", 3451, 4, 3457],
      ["2015", "2015 Hasvik", 3453, 2, 3459],
    ],
    rejected: [],
  },
  {
    table: "4.5", caption: "Innføring av balansert målstyring - profiler", captionLine: 3463, variable: "q20",
    status: HAR_ALLEREDE_INNFORT, printedCount: { table: "2.1", count: 18, line: 629 },
    entries: [
      ["0105", "105 Sarpsborg", 3469, 5, 3513],
      ["0122", "122 Trøgstad", 3471, 2, 3515],
      ["0213", "213  Ski", 3475, 5, 3519],
      ["0214", "214 Ås", 3477, 3, 3521],
      ["0226", "226 Sørum", 3479, 3, 3523],
      ["0709", "709 Larvik", 3483, 5, 3527],
      ["0822", "822 Sauherad", 3487, 2, 3531],
      ["0900", "900 Aust-Agder fylkeskommune", 3491, 6, 3535],
      ["1114", "1114 Bjerkreim", 3495, 2, 3539],
      ["1134", "1134 Suldal", 3497, 2, 3541],
      ["1135", "1135 Sauda", 3499, 2, 3543],
      ["1253", "1253 Osterøy", 3503, 3, 3547],
      ["1543", "1543 Nesset", 3507, 2, 3551],
      ["1613", "1613 Snillfjord", 3552, 2, 3566],
      ["1644", "1644 Holtålen", 3554, 2, 3568],
      ["1815", "1815 Vega", 3558, 2, 3572],
      ["2012", "2012 Alta", 3562, 4, 3576],
      ["2025", "2025 Tana", 3564, 2, 3578],
    ],
    rejected: [],
  },
  {
    table: "4.6", caption: "Innføring av modeller for prosessforbedringer - profiler", captionLine: 3581, variable: "q24",
    status: HAR_ALLEREDE_INNFORT, printedCount: { table: "2.1", count: 23, line: 632 },
    entries: [
      ["0214", "214 Ås", 3588, 3, 3624],
      ["0226", "226 Sørum", 3590, 3, 3626],
      ["0400", "400  Hedmark fylkeskommune", 3594, null, 3630],
      ["0420", "420 Eidskog", 3596, 3, 3632],
      ["0519", "519 Sør - Fron", 3600, 2, 3636],
      ["0624", "624 Øvre Eiker", 3604, 4, 3640],
      ["0704", "704 Tønsberg", 3608, 5, 3644],
      ["1130", "1130 Strand", 3612, 3, 3648],
      ["1151", "1151 Utsira", 3614, 1, 3650],
      ["1201", "1201 Bergen", 3618, 6, 3654],
      ["1214", "1214 Ølen", 3620, 2, 3656],
      ["1216", "1216 Sveio", 3657, 2, 3691],
      ["1235", "1235 Voss", 3659, 2, 3693],
      ["1246", "1246 Fjell", 3661, 4, 3695],
      ["1253", "1253 Osterøy", 3663, 3, 3697],
      ["1424", "1424 Årdal", 3667, 3, 3701],
      ["1503", "1503 Kristiansund", 3671, 4, 3705],
      ["1600", "1600 Sør Trøndelag fylkeskommune", 3675, null, 3709],
      ["1644", "1644 Holtålen", 3677, 2, 3711],
      ["1703", "1703 Namsos", 3681, 3, 3715],
      ["1717", "1717 Frosta", 3683, 2, 3717],
      ["1815", "1815 Vega", 3687, 2, 3721],
      ["1826", "1826 Hattfjelldal", 3689, 2, 3723],
    ],
    rejected: [],
  },
  {
    table: "4.7", caption: "Anvendelse av benchmarking - profiler", captionLine: 3725, variable: "q28_1",
    status: Q28_I_STOR_GRAD, printedCount: { table: "2.5", count: 8, line: 959 },
    entries: [
      ["0213", "Ski kommune", 3731, null, null],
      ["0519", "Sør-Fron kommune,", 3735, null, null],
      ["0538", "Nordre land kommune", 3737, null, null],
      ["0709", "Larvik kommune", 3741, null, null],
      ["1102", "Sandnes kommune", 3745, null, null],
      ["1401", "Flora kommune", 3748, null, null],
      ["1613", "Snillfjord kommune", 3752, null, null],
      ["1871", "Andøy kommune", 3756, null, null],
    ],
    rejected: [],
  },
  {
    table: "4.8", caption: "Anvendelse av brukerundersøkelser - profiler", captionLine: 3760, variable: "q28_2",
    status: Q28_I_STOR_GRAD, printedCount: { table: "2.5", count: 12, line: 977 },
    entries: [
      ["0214", "Ås kommune,", 3766, null, null],
      ["0237", "Eidsvoll kommune", 3768, null, null],
      ["0605", "Ringerike kommune", 3772, null, null],
      ["0618", "Hemsedal kommune", 3774, null, null],
      ["0624", "Øvre Eiker kommune", 3776, null, null],
      ["0627", "Røyken kommune", 3778, null, null],
      ["0701", "Borre kommune", 3782, null, null],
      ["0709", "Larvik kommune", 3784, null, null],
      ["1601", "Trondheim kommune", 3788, null, null],
      ["1644", "Holtålen kommune", 3790, null, null],
      ["1717", "Frosta kommune", 3794, null, null],
      ["2015", "Hasvik kommune", 3798, null, null],
    ],
    rejected: [],
  },
  {
    table: "4.9", caption: "Anvendelse av egenevalueringer - profiler", captionLine: 3799, variable: "q28_3",
    status: Q28_I_STOR_GRAD, printedCount: { table: "2.5", count: 25, line: 995 },
    entries: [
      ["0122", "Trøgstad kommune", 3805, null, null],
      ["0135", "Råde kommune", 3807, null, null],
      ["0213", "Ski kommune", 3811, null, null],
      ["0228", "Rælingen kommune", 3813, null, null],
      ["0229", "Enebakk kommune", 3815, null, null],
      ["0420", "Eidskog kommune", 3819, null, null],
      ["0517", "Sel kommune", 3823, null, null],
      ["0529", "Vestre Toten kommune", 3825, null, null],
      ["0623", "Modum kommune", 3829, null, null],
      ["0811", "Siljan kommune", 3833, null, null],
      ["0826", "Tinn kommune", 3835, null, null],
      ["1037", "Kvinesdal kommune", 3839, null, null],
      ["1134", "Suldal kommune", 3843, null, null],
      ["1151", "Utsira kommune", 3845, null, null],
      ["1214", "Ølen kommune", 3849, null, null],
      ["1221", "Stord kommune", 3851, null, null],
      ["1514", "Sande kommune", 3855, null, null],
      ["1520", "Ørsta kommune", 3856, null, null],
      ["1601", "Trondheim", 3860, null, null],
      ["1613", "Snillfjord kommune", 3862, null, null],
      ["1644", "Holtålen kommune", 3864, null, null],
      ["1729", "Inderøy kommune", 3868, null, null],
      ["1866", "Hadsel kommune", 3872, null, null],
      ["1871", "Andøy kommune", 3874, null, null],
      ["2021", "Karasjok kommune", 3878, null, null],
    ],
    rejected: [],
  },
  {
    table: "4.10", caption: "Konseptet totalkvalitetsledelse (TQM) - profiler", captionLine: 3882, variable: "q28_4",
    status: Q28_I_STOR_GRAD, printedCount: { table: "2.5", count: 8, line: 1016 },
    entries: [
      ["0124", "Askim kommune", 3888, null, null],
      ["0213", "Ski kommune", 3892, null, null],
      ["0420", "Eidskog kommune", 3896, null, null],
      ["0605", "Ringerike kommune", 3900, null, null],
      ["0709", "Larvik kommune", 3904, null, null],
      ["1613", "Snillfjord kommune", 3908, null, null],
      // The header "17 – Nord – Trøndelag" (line 3910) and Levanger are separated by a page break.
      ["1719", "Levanger kommune", 3923, null, null],
      ["1871", "Andøy kommune", 3927, null, null],
    ],
    rejected: [],
  },
  {
    table: "4.11", caption: "Anvendelse av ulike kvalitetssystemer (ISO, IMO) - profiler", captionLine: 3931, variable: "q28_5",
    status: Q28_I_STOR_GRAD, printedCount: { table: "2.5", count: 3, line: 1037 },
    entries: [
      ["0214", "Ås kommune", 3937, null, null],
      ["0226", "Sørum kommune", 3939, null, null],
      ["0233", "Nittedal kommune", 3941, null, null],
    ],
    rejected: [],
  },
  {
    table: "4.12", caption: "Anvendelse av Den Norske kvalitetsprisen - profiler", captionLine: 3942, variable: "q28_6",
    status: Q28_I_STOR_GRAD, printedCount: { table: "2.5", count: 2, line: 1058 },
    entries: [
      ["0941", "Bykle kommune", 3948, null, null],
      ["1600", "Sør-Trøndelag fylkeskommune", 3952, null, null],
    ],
    rejected: [],
  },
  {
    table: "4.13", caption: "Anvendelse av kvalitetsindikatorer/-standarder - profiler", captionLine: 3960, variable: "q28_7",
    status: Q28_I_STOR_GRAD, printedCount: { table: "2.5", count: 10, line: 1076 },
    entries: [
      ["0941", "Bykle kommune", 3966, null, null],
      ["1600", "Sør-Trøndelag fylkeskommune", 3970, null, null],
    ],
    rejected: [],
  },
  {
    table: "4.14", caption: "Anvendelse av forbedringsgrupper/-kvalitetssirkler - profiler", captionLine: 3978, variable: "q28_8",
    status: Q28_I_STOR_GRAD, printedCount: { table: "2.5", count: 5, line: 1097 },
    entries: [
      ["0538", "Nordre Land kommune", 3985, null, null],
      ["0605", "Ringerike kommune", 3989, null, null],
      ["1613", "Snillfjord kommune", 3993, null, null],
      ["1644", "Holtålen kommune", 3995, null, null],
      ["2003", "Vadsø kommune", 3999, null, null],
    ],
    rejected: [],
  },
  {
    table: "4.15", caption: "Anvendelse av selvstyrte arbeidsgrupper - profiler", captionLine: 4000, variable: "q28_9",
    status: Q28_I_STOR_GRAD, printedCount: { table: "2.5", count: 5, line: 1115 },
    entries: [
      ["1151", "Utsira kommune", 4006, null, null],
      ["1264", "Austrheim kommune", 4010, null, null],
      ["1600", "Sør-Trøndelag fylkeskommune", 4014, null, null],
      ["1613", "Snillfjord kommune", 4016, null, null],
      ["2003", "Vadsø kommune", 4020, null, null],
    ],
    rejected: [],
  },
];

/**
 * One row of Tabell 2.3 (three or more of the six models, seed lines 757–834) or of the two-model
 * list in chapter 2 (seed lines 859–877): the municipality as printed, its resolved kommunenummer,
 * the six-model variables named and the "I tillegg …" other models (q28 items).
 */
export interface ProfileRow {
  knr: string;
  printed: string;
  line: number;
  models: readonly ModelVariable[];
  others: readonly OtherModelVariable[];
}

/** Tabell 2.3: "I alt har 12 kommuner innført tre eller flere" (line 835). */
export const TABELL_2_3: { captionLine: number; printedCount: number; countLine: number; rows: readonly ProfileRow[] } = {
  captionLine: 757,
  printedCount: 12,
  countLine: 835,
  rows: [
    { knr: "0420", printed: "Eidskog kommune i Hedmark", line: 763, models: ["q3", "q7", "q12", "q16", "q24"], others: ["q28_3", "q28_4"] },
    { knr: "0624", printed: "Øvre Eiker i Buskerud", line: 770, models: ["q3", "q7", "q16", "q24"], others: ["q28_2"] },
    { knr: "0226", printed: "Sørum kommune i Akershus", line: 774, models: ["q7", "q12", "q20", "q24"], others: ["q28_5"] },
    { knr: "1644", printed: "Holtålen kommune i Sør-Trøndelag", line: 781, models: ["q7", "q16", "q20", "q24"], others: ["q28_2", "q28_3", "q28_8"] },
    { knr: "1114", printed: "Bjerkreim kommune i Rogaland", line: 789, models: ["q7", "q16", "q20"], others: [] },
    { knr: "1235", printed: "Voss kommune i Hordaland", line: 794, models: ["q7", "q16", "q24"], others: [] },
    { knr: "0709", printed: "Larvik kommune i Vestfold", line: 799, models: ["q7", "q16", "q20"], others: ["q28_1", "q28_2", "q28_4"] },
    { knr: "0605", printed: "Ringerike kommune i Buskerud", line: 806, models: ["q7", "q12", "q16"], others: ["q28_2", "q28_4", "q28_8"] },
    { knr: "1815", printed: "Vega kommune i Nordland", line: 814, models: ["q7", "q20", "q24"], others: [] },
    { knr: "1613", printed: "Snillfjord kommune i Sør-Trøndelag", line: 820, models: ["q7", "q16", "q20"], others: ["q28_1", "q28_3", "q28_4", "q28_8", "q28_9"] },
    { knr: "0214", printed: "Ås kommune i Akershus", line: 828, models: ["q16", "q20", "q24"], others: ["q28_2", "q28_5"] },
    { knr: "0704", printed: "Tønsberg kommune i Vestfold", line: 831, models: ["q3", "q7", "q24"], others: [] },
  ],
};

/** The two-model list: "Det er altså 15 kommuner som har innført 2" (line 880). */
export const TWO_MODEL_LIST: { headLine: number; printedCount: number; countLine: number; rows: readonly ProfileRow[] } = {
  headLine: 859,
  printedCount: 15,
  countLine: 880,
  rows: [
    { knr: "0105", printed: "Sarpsborg i Østfold", line: 863, models: ["q12", "q20"], others: [] },
    { knr: "0213", printed: "Ski kommune i Akershus", line: 864, models: ["q12", "q20"], others: [] },
    { knr: "0301", printed: "Oslo kommune", line: 865, models: ["q7", "q16"], others: [] },
    { knr: "0419", printed: "Sør-Odal kommune i Hedmark", line: 866, models: ["q7", "q12"], others: [] },
    { knr: "0538", printed: "Nordre Land kommune i Oppland", line: 867, models: ["q7", "q12"], others: [] },
    { knr: "0627", printed: "Røyken kommune i Buskerud", line: 868, models: ["q7", "q12"], others: [] },
    { knr: "0632", printed: "Rollag kommune i Buskerud", line: 869, models: ["q7", "q12"], others: [] },
    { knr: "0805", printed: "Porsgrunn kommune i Telemark", line: 870, models: ["q3", "q12"], others: [] },
    { knr: "1130", printed: "Strand kommune i Rogaland", line: 871, models: ["q3", "q24"], others: [] },
    { knr: "1424", printed: "Årdal kommune i Sogn", line: 872, models: ["q7", "q24"], others: [] },
    { knr: "1717", printed: "Frosta kommune, Nord-Trøndelag", line: 873, models: ["q16", "q24"], others: [] },
    { knr: "1942", printed: "Nordreisa kommune i Troms", line: 874, models: ["q7", "q12"], others: [] },
    { knr: "2012", printed: "Alta kommune i Finnmark", line: 875, models: ["q16", "q20"], others: [] },
    { knr: "2015", printed: "Hasvik kommune i Finnmark", line: 876, models: ["q12", "q16"], others: [] },
    { knr: "2025", printed: "Tana kommune i Finnmark", line: 877, models: ["q7", "q20"], others: [] },
  ],
};

/**
 * Tabell V2.1 (seed lines 2492–2744): kommunenummer of the kommuner and fylkeskommuner that have
 * introduced models ("samletabell … som har innført", lines 2480–2481). Only the kommunenummer
 * column survived the text extract; the profile columns (Svært aktiv, the six models, size) are lost
 * except a few stray "1" marks (lines 2551–2571) that cannot be aligned to rows. The extract also
 * jumps from 1264 to 1657: the rows for 1265–1656 (a page) are missing.
 * Each entry: [kommunenummer as printed, seed line].
 */
export const TABELL_V2_1: { captionLine: number; gap: { after: string; before: string }; rows: readonly (readonly [string, number])[] } = {
  captionLine: 2492,
  gap: { after: "1264", before: "1657" },
  rows: [
    ["105", 2524], ["111", 2528], ["122", 2530], ["124", 2532], ["138", 2534], ["211", 2536], ["213", 2538],
    ["214", 2540], ["226", 2542], ["229", 2544], ["230", 2572], ["231", 2574], ["233", 2576], ["235", 2578],
    ["301", 2580], ["400", 2582], ["412", 2584], ["419", 2586], ["420", 2588], ["429", 2590], ["430", 2592],
    ["437", 2594], ["438", 2596], ["439", 2598], ["516", 2600], ["517", 2602], ["519", 2604], ["521", 2606],
    ["522", 2608], ["528", 2610], ["529", 2612], ["538", 2614], ["542", 2616], ["602", 2618], ["605", 2620],
    ["612", 2622], ["617", 2624], ["618", 2626], ["621", 2628], ["624", 2630], ["626", 2631], ["627", 2633],
    ["632", 2635], ["700", 2637], ["701", 2639], ["702", 2641], ["704", 2643], ["709", 2645], ["716", 2647],
    ["718", 2649], ["805", 2651], ["811", 2653], ["817", 2655], ["822", 2657], ["900", 2659], ["919", 2661],
    ["1002", 2663], ["1029", 2665], ["1101", 2667], ["1102", 2669], ["1106", 2671], ["1112", 2673],
    ["1114", 2675], ["1120", 2677], ["1134", 2678], ["1151", 2679], ["1201", 2681], ["1214", 2683],
    ["1216", 2684], ["1221", 2686], ["1231", 2688], ["1235", 2690], ["1242", 2692], ["1243", 2694],
    ["1253", 2695], ["1264", 2697], ["1657", 2698], ["1665", 2700], ["1702", 2702], ["1703", 2704],
    ["1717", 2706], ["1719", 2708], ["1740", 2710], ["1815", 2712], ["1824", 2714], ["1826", 2716],
    ["1827", 2718], ["1845", 2720], ["1866", 2722], ["1868", 2724], ["1871", 2726], ["1919", 2728],
    ["1927", 2730], ["1942", 2732], ["2012", 2734], ["2015", 2736], ["2020", 2738], ["2021", 2740],
    ["2025", 2742], ["2030", 2744],
  ],
};
