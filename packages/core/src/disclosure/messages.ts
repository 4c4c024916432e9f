import { defineBundle } from '../i18n/bundle.ts';

/** Strings of <kolo-disclosure>: a short visible label, the rest of its full text (for screen readers), and a default explanation per type. */
export const disclosureMessages = defineBundle({
  en: {
    adShort: 'Ad',
    adMore: ' (advertisement)',
    adAbout: 'Someone paid to show this. We choose what we advertise and keep it apart from our own content.',
    partnerShort: 'Partner content',
    partnerMore: ', made with a paid partner',
    partnerAbout: 'We made this together with a partner who paid for it. The partner could review it before it was published.',
    sponsoredShort: 'Sponsored',
    sponsoredMore: ' content',
    sponsoredAbout: 'A sponsor paid for this content but did not write it.',
    affiliateShort: 'Affiliate links',
    affiliateMore: ': we may earn a commission',
    affiliateAbout: 'We may earn a commission if you buy through links here. It costs you nothing extra.',
  },
  uk: {
    adShort: 'Реклама',
    adMore: '',
    adAbout: 'За показ цього заплатили. Ми самі обираємо, що рекламувати, і відокремлюємо рекламу від власних матеріалів.',
    partnerShort: 'Партнерський матеріал',
    partnerMore: ', створений з оплаченим партнером',
    partnerAbout: 'Ми створили це разом із партнером, який за це заплатив. Партнер міг переглянути матеріал перед публікацією.',
    sponsoredShort: 'Спонсорований',
    sponsoredMore: ' матеріал',
    sponsoredAbout: 'Спонсор оплатив цей матеріал, але не писав його.',
    affiliateShort: 'Партнерські посилання',
    affiliateMore: ': ми можемо отримати комісію',
    affiliateAbout: 'Ми можемо отримати комісію, якщо ви купите за цими посиланнями. Для вас ціна не зміниться.',
  },
});
