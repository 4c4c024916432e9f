import { defineBundle } from './i18n.ts';

/** Strings of <kolo-disclosure>: a short label, its full text, and a default explanation per type. */
export const disclosureMessages = defineBundle({
  en: {
    adShort: 'Ad',
    adFull: 'Advertisement',
    adAbout: 'Someone paid to show this. We choose what we advertise and keep it apart from our own content.',
    partnerShort: 'Partner content',
    partnerFull: 'Partner content, made with a paid partner',
    partnerAbout: 'We made this together with a partner who paid for it. The partner could review it before it was published.',
    sponsoredShort: 'Sponsored',
    sponsoredFull: 'Sponsored content',
    sponsoredAbout: 'A sponsor paid for this content but did not write it.',
    affiliateShort: 'Affiliate links',
    affiliateFull: 'Contains affiliate links',
    affiliateAbout: 'We may earn a commission if you buy through links here. It costs you nothing extra.',
    aboutLabel: 'About this label: {label}',
  },
  uk: {
    adShort: 'Реклама',
    adFull: 'Реклама',
    adAbout: 'За показ цього заплатили. Ми самі обираємо, що рекламувати, і відокремлюємо рекламу від власних матеріалів.',
    partnerShort: 'Партнерський матеріал',
    partnerFull: 'Партнерський матеріал, створений з оплаченим партнером',
    partnerAbout: 'Ми створили це разом із партнером, який за це заплатив. Партнер міг переглянути матеріал перед публікацією.',
    sponsoredShort: 'Спонсоровано',
    sponsoredFull: 'Спонсорований матеріал',
    sponsoredAbout: 'Спонсор оплатив цей матеріал, але не писав його.',
    affiliateShort: 'Партнерські посилання',
    affiliateFull: 'Містить партнерські посилання',
    affiliateAbout: 'Ми можемо отримати комісію, якщо ви купите за цими посиланнями. Для вас ціна не зміниться.',
    aboutLabel: 'Про цю позначку: {label}',
  },
});
