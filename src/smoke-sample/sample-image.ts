/**
 * The smoke-test sample: a small PNG with real structure (interfering brightness waves under
 * translucent ellipses; synthetic seed 7 of examples/dhash-service, 45x40 RGB) and its dHash.
 * `dhash-rollout smoke` POSTs it to a deployed service and expects exactly SAMPLE_DHASH_HEX back;
 * test/service/smoke-sample.test.ts proves the value by an independent computation.
 */
export const SAMPLE_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAC0AAAAoCAIAAADlteR+AAAO2klEQVR4ATXBS69l2yIA4PEec4wxn2vttXdVHbdy740EcePVoOdG' +
  'Q0hENOh4hEhEi/8jtEjEHxD8AoKgIYRLDlI5Z1ft2mvN53i/VG3xffCXf+EntNY5Z8ZY3/eXy+XN69dvvvji9etX5/Nd27aE4BDC' +
  'um5PT0+Pj49fffXV4+Pj9fq870dKiVLStt35fL6/v3/16uFyuZ+mSSlFCE4pW2u2bZ/neVmWbVu1NiGEWishmDEuXjQNJ4SSbdti' +
  'jJQSxljbtuM4jNM0DIOUilJaa7E2aq3nF8uyaK1TShgTpRTGSAjR9/30QggJADDGOOdyzt47Y6zW2lrrvYcQdV1LCOWccd5wziml' +
  'EIKUsveelFIopVLKcRymaRrHqes6zjmEwHtvrXXObdt2u92u1+txHCklxugw9AjhpmmUkm3bKtUKITBGztnjOELw1jprrfc+pQQh' +
  'oJQKIdu27T5rhRCE0FKytXZd121biVKyaZq+70+n893deRh6znmtRWuz74f3/jiOfd+2bddahxAopZxzxpgQQn4mGOMY41JKCF5r' +
  's3+2HYf23pdSGKWqbZtGDMNwf39/d3c3DEPTNLVWrfX1ep3ned8Pcrnct207DMM4Dl3XCyFrrcehY4zWWv3ZYYwNIdRSMCFd17Vt' +
  '2/fdJ1JKSlmt1Tm3bdtxHB8/e57n23HonDNjbBgGqeQn5/P5zZs3Dw8PwzBQSpzzAIB5vjnn13Ulb9++7T5rhZCUklqBtdZove37' +
  'tm3HsVvrcs6EECll23Xn8/lyuZzPp74fOOe1Fq1NzikEP8/L4+P7x8fH2+1qrcMY9X2vlKKUdV13Pp/v7+8fHh5E2wJQIdwQgiFE' +
  'Y8y+b+Tb3/62UopzDiHwPhzHsSzz8/P1+fl5WRatdc6ZMdZ/1vV9//Dw8ObNm8vl0nUtQtham1LOuRyHvt2uT08f3r9/vyxrSkAI' +
  'LKXCGAsh+r4bx+ET0baANiCHnIv33lprjLbWkm9965ucN7UWY6z3/jiOjx+fv/76qw8fnpZlCcETQvp+6PteCDlN0/39/evXr87n' +
  'OyFESinnXGt1zu37vizLPC/bthkDIARCQEqpEEIpJaVqGkEIAbWCEpI1x3Hs+6G19t6XUskXX3wfhNAY41+s6/r09PT4+P7Dhw/H' +
  'sddalWr7vuecd107juPpNI3j2HUdILiYklJyzmqtj+MwxoTgS6kYA0qBUqrrurZthRCEkFKKcw7vW631OPT1el3X1Vpba22ahpzP' +
  'J++D9z7GdBx6Webbi3Vdvc+UAoQQ51wp2bZd27ZCSEopAKCEaIw5jmPfD611CL6USilVSoomN0KcTqdxHJVShJCU0r7vEMJ1pTkn' +
  'rc2yLNu2pZQ456fTiTDGvQ8xBmP0vu/btmt9OOdKyQgBzhulVNt2bdsKIQghpRTnXM4lxriu6zzf9n3z3gMApRTTNAkhIYTlt3rW' +
  'cCPoO7k9yy//tfmaUYYxhgVWUHKT0136sXffRAgNw6BUS2KM1pp9P/b90FoH70uplFIpFUKo67rTaRqGQQiJMYox7vuWUkIIeh+2' +
  'bZvnm9a61iqlPJ/v2rZ9/HkLIcQYkxcQwhhiTtkgA8H/gxBB9Lc//D2MMcHku1/+CFmW+Xabl2U5jiPGABGSUpZS+r6nlLRtO01T' +
  '3/eU0hDisizee0JwKTXG6Jyz1oYQGGOn02kcx3/9qa/OQAIAAQC11lJLyTkEm3PKudRaAIQYY0YpbxpBRMO5EOJffvIr8vj4fnnh' +
  'nIUQtW2LEBrHEUJAKW2aRggphCilbNumtYYQ1v8HIUQIUUr7vuec/f13/vOM7gAEtZSYUvDeOhdCtNY672KIpRaMEOdcSkUZI4QI' +
  'IbquE0KQd+/emRc5FyklY6zWCiFELyAEtdaUsrV2XRYfQowh54IQZIwrpYZhaFt1Op3//jvfO7EJY1wriDFaa0vOpRTv3XEc2ugQ' +
  'AqiVUlpqZZwjCBmlQgillJCSvHv3rtaKEKKUKqU454wxSgkAMOdkrdv3fVnmdV1vt9u2bdbaWitjbBiG+/v7YRiUau8vl75/3zQN' +
  'wjjn7KxNOQEAU0zWOW20Po4QIkSwqZU3DQQQE8IY4y8YZeTrr79WSg1937Zqmk7jOCjVUkpyzsehb7ertcZad71eHx+/vl5vxhiE' +
  'UNd1EMLT6cQYG4b+7nL5PfUbfyb+CkEYYkwpQQBzyTEG/4lz3oeUEiYY1IogIgRT8gnFhECEAKjker0Sggk9j+P4+vXry+XSdR3G' +
  '2Dn3/Pystc65HMdxvT6/f//h+Xn3HjAGIITn8xljLIToun4YhmYYfhv+zp+WP04p1VpzzimmGNMnuZQKKkKQYEIpZYx+QghBCNZS' +
  'UoygVmKMqRVIKabp9PCCdS2ola3bvu+1VufccRzLsi7Lvm0gJfB/CCFN04gXnHMACQDg19Gv/kH6oxhijCGlWEqGAGCMGWMQAMa5' +
  'ELJpGkoZhCiLn/2fp/Lmq+/7zR8KpJTCGFOqHYZhmkbWjwAIAAPGRyklBG+tNcY452IEtQKMAedACKGUEkJwzhCCKSXgDCAhOftL' +
  '1+++e/fuyy+//IuHDxAiSpkUgjGGIOKcff+P/z5jjDNGGQN/248YO+j/8J8qoZQ2TSNfcN4AQACoAERrnXnhvUspQQg5B20LCAHT' +
  'JKdp6rquaRoAoHN+XdeUIgDAGHv77GqM/oG/vn96gssCraWlFErpw6/8LnvHX7DtiUcUEoQAgFoBkVIKIRhjEMIUI00GAOCOY1nm' +
  'dV2NsTlnSmnXdaWUlBJjbByHy+Wu6zqMsfd+nm8xRkpJKcU5dxzHum4hRM75+Xzuuq6UAiFA3/1lhCCECEKYS4kpgfp/AACVtG3L' +
  'GCulGGPmZbHO5ZyPY39+fl7X1XuPMen7vtY6DAOolTKmlOr7XkqRc17XxXtHCIUQlFJzzimlUgqEsOv6YRgxxgih+Ts/XSsoJaeU' +
  'QojXr1DOIefySQUVAkiEEABUY8zz87O1lhCcUrbW7vu273utVSmFEJymMecCIUAIE/wZRMhaY4wupZZSaq0QQkoJ51xK1bZt17VK' +
  'tUKI//7Gj061ppS898bYUlzKJYaYUsylAAAQQoQx6r2/Xq9aH4QQAGCtJeecUi6lMEbP5xOEd/BFrTXn5H2w1mp97PvxibU2xggA' +
  '4Jy1bXc+n5RSbdteLvfn00m17dwNOWfnXM6lAhNjTBGFGFJMpRQIISGY1FrXdVvXrb6AEGKMKGVCNFKq9oWUkjGGEIwxHoee5zmE' +
  'YK27Xq/Pz8/7voUQCSFd1wEAx3HknA/DcHnxj+obEoAQQowJgJpT8j6kRFJKOadaK0IYQEic88dxGGO8c7kUjLEQYhzHu7u7YRg/' +
  'uVwu4zg2TVNrNUY/P1+NMTmnfd+fn58/fHi/rlvOWQiBMc45U0qkVMMwTNM4DANDLOcCQCylxJhCiCGGXGAttQIAIUQYYYzJvu8f' +
  'n55u86y1LqU0TTNNE6X07u5OSnE6nR4eHk6nE+c8xjjPeNv2Uoq1bt+3ZVnmeTmOAiEgJEIIOWdSyrZtlVJNIwghNYOcc4wxBB+C' +
  'DyHklEDlEEKMMEKQUMooJeu6fnh6+vjxozEWQtB1XdPwWgtjrG3bcRxPp0mNI8AYW4MQSik557TWx6GNMSGUWgGloGkapVTbdm3b' +
  'CiEIIaUU55wv/hPzmXXOpxRrrQhBQjCAEGNMCWWMknVd58+sc4AxIJoIIWSMCSGUapWSTdMATAAoIURrjdaH1oe1JsYAAGAMElKV' +
  'kucX4zhKqQjBKcV9343RB6XOWa21Mdp7X0rBmHwCAEQIYYIJIZRQorW21oQASgEYA95wKZVSrZSSc44QTiljZ0MI8zzfbrdlWY7j' +
  'CCEihKSUGGNCSNd1l8vl/v4yDAPnLKW8bbsxNqU46n//t8sPWmudsyklCBHnvDKGPsGY4M8QwiSlBCHkHDQN6PtmmqZxHLuua5oG' +
  'AOCcW9cVQmiMud1uHz48zfNsrYMQKqUQwgCApmn6vp+m6Xw+ta0CABzHYYxJKTlnj0Ov7FWMMaVUQWWMYoyrbfALhBBEEABAKKVt' +
  '2zEWGGPjODw8vDqdTkophKBzbp7nfd9TSlofy7xcb7d13XJOTdOcz3cAAMaYEEK9EEJQSp3zWhvvnTHWGG2tC9/7HvmZX0EIEUI4' +
  'Z5w3d3f84zuAEIYQ1ApyyWQYesYYAKBpmmEYTp9NjLEY47LM+77nnL331hqttTHWe4cxGceRENI0jWiaRjSMMYRwKcV7b4zZ933b' +
  'tuM4rLUpJYSQ+Is/GX/xtxljQkoppBDNyjyEsNaac661koeHV7VWSknTNFIqKaUQAkKw78e2bTFG/yKEkHMGAFJKlZSqVW3btUo1' +
  'QlBKSqne+33frbW32+16vc7zfBxHjBFjrJT8hP/dXzY/92tSSKUk5/wHf6z7j3+ec86l1pwyefv2G5RSxhilDGMMIcgpe++NsVpr' +
  'Y4y1NqUEAGCMtW2rlBzG8Xw+T9PYth1jtJRqrU0phhC2bbter09PT8uyOOcghFJKjImUYhj6L97908PDq6+nnySEAAC/9UOdc/Y4' +
  '0n548s1vfqtpGkoIgCDGqLXZtnXfj9vtNs/zvu/eewhB0zTDMGKMlWpPp9P9/WWaTlIKCKG1zlrrfTiOfVmWeZ7XddVal1I4503D' +
  'u64dhnEcp77vpZQ/uv0XQigE/w/yrTGG/M2f+/fvydu3b5umgRB677dtM8Za65ZleXp6ut2ux6FzzpxzjAnGWEo5DMM0TeM49X1H' +
  'CI0xppSsNdu2Lcu6bas+jhAChJBz3vf9NJ3O57vz+TwMfdMICIFzLsa477u6/bv5+PHDx4/LspBXr15RSmOM2wvv/b7v82e3ZVmc' +
  '8xhj/qJt277vh2Houk4IgRDOORlj1nW9vViXRWuTcqaUcM6VUqfT6f7+8vBwP02TlBJCaK0NIez7Mc/z9Xq93W7btjnnyDAMAFSt' +
  'S87ZWrvv+7qu27ZpbUKIEALOedu24zhO0zSOY9u2jLFSirXWOTvPy9PT04cPT7fb9TiOnDNjrGkaKeU4jnefnafp1HUdxsR7Z63b' +
  'tu32Yp5nrY8QIsbofwFesxBYIN828wAAAABJRU5ErkJggg==';

/** The dHash of the sample (64 bits, 16 lowercase hex digits), as the reference service computes it. */
export const SAMPLE_DHASH_HEX = '24d99a66653335c9';

export const SAMPLE_WIDTH = 45;
export const SAMPLE_HEIGHT = 40;

/**
 * How the service accepts an image (either works):
 *  - `POST /api/dhash` with `Content-Type: application/json` and body `{"image_base64": "<base64>"}`;
 *  - `POST /api/dhash` with `Content-Type: image/png` (or image/jpeg, application/octet-stream)
 *    and the raw bytes as the body.
 * A 200 response is JSON with at least `{"hash": "<16 hex digits>", "match": {...} | null,
 * "confidence": <0..1>, "queued": <boolean>}`; the smoke check compares `hash`.
 */
export const SAMPLE_REQUEST = {
  method: 'POST',
  path: '/api/dhash',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ image_base64: SAMPLE_PNG_BASE64, filename: 'smoke-sample.png' }),
} as const;

/** The response field that carries the hash. */
export const SAMPLE_RESPONSE_HASH_FIELD = 'hash';
