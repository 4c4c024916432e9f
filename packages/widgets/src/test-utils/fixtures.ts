/** Authored content shared by stories and tests. No test-runner imports here. */

const tools = {
  en: ['Set a deposit limit', 'Take a time-out', 'Self-exclusion'],
  uk: ['Встановити ліміт депозиту', 'Взяти перерву', 'Самовиключення'],
  ar: ['تحديد سقف للإيداع', 'أخذ استراحة', 'الاستبعاد الذاتي'],
};

/** A help banner's regions (Ukraine; the UK, default; Germany, where it is required) and tools, named in `lang`. */
export const helpBannerLists = (lang: keyof typeof tools = 'en') => {
  const [limit, timeOut, exclusion] = tools[lang];
  return `
  <ul data-region="ua" data-label="Україна" data-langs="uk">
    <li><a href="tel:+380800500335">Лінія допомоги 0 800 500 335</a></li>
  </ul>
  <ul data-region="gb" data-label="United Kingdom" data-langs="en-GB en" data-default>
    <li><a href="tel:08088020133">National Gambling Helpline 0808 8020 133</a></li>
    <li><a href="https://www.gamcare.org.uk/chat">GamCare live chat</a></li>
  </ul>
  <ul data-region="de" data-label="Deutschland" data-langs="de" data-required>
    <li><a href="tel:08001372700">BZgA-Beratung 0800 1 37 27 00</a></li>
  </ul>
  <ul data-tools>
    <li><a href="/account/limits">${limit}</a></li>
    <li><a href="/account/time-out">${timeOut}</a></li>
    <li><a href="/account/self-exclusion">${exclusion}</a></li>
  </ul>`;
};
