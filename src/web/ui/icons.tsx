/**
 * Inline SVG icons: bundled with the code, no icon font or CDN. Drawn on a 16×16 grid with
 * strokes in the current colour, so they follow text colour and high-contrast settings.
 */
const PATHS = {
  person: 'M8 2.2a2.8 2.8 0 1 1 0 5.6 2.8 2.8 0 0 1 0-5.6zM2.5 14c0-3 2.5-5 5.5-5s5.5 2 5.5 5',
  company: 'M3 14V2h10v12M6 5h1M9 5h1M6 8h1M9 8h1M7 14v-3h2v3M1.5 14h13',
  organization:
    'M5 4a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM11 4a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM1.5 13c0-2 1.5-3.5 3.5-3.5S8.5 11 8.5 13M7.5 13c0-2 1.5-3.5 3.5-3.5s3.5 1.5 3.5 3.5',
  legalEntity: 'M2 5h12v8H2zM6 5V3h4v2M2 8.5h12',
  address: 'M8 14.5s-4.5-4.5-4.5-8a4.5 4.5 0 0 1 9 0c0 3.5-4.5 8-4.5 8zM8 4.7a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z',
  bank: 'M2 6l6-3.5L14 6zM3.5 7.5v4.5M6.5 7.5v4.5M9.5 7.5v4.5M12.5 7.5v4.5M2 13.5h12',
  phone: 'M5.5 1.5h5a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-5a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1zM7 12.5h2',
  email: 'M2.5 3.5h11a.5.5 0 0 1 .5.5v8a.5.5 0 0 1-.5.5h-11A.5.5 0 0 1 2 12V4a.5.5 0 0 1 .5-.5zM2.5 4.5 8 9l5.5-4.5',
  vehicle:
    'M2.5 10.5h11V8L12 4.5H4L2.5 8zM5 10.2a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6zM11 10.2a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6z',
  passport:
    'M4.5 1.5h7a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1zM8 4.8a2.2 2.2 0 1 1 0 4.4 2.2 2.2 0 0 1 0-4.4zM6 11.5h4',
  identification:
    'M2.5 3.5h11a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1zM5.5 6a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zM9 6.5h3.5M9 9h3.5M3.5 11h4',
  userAccount:
    'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zM8 4.5a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM4 12.5c1-1.5 2.3-2.3 4-2.3s3 .8 4 2.3',
  onlineAd: 'M2.5 6.5v3h2l5 3v-9l-5 3zM12 6a3 3 0 0 1 0 4',
  event:
    'M2.5 3h11a.5.5 0 0 1 .5.5v10a.5.5 0 0 1-.5.5h-11a.5.5 0 0 1-.5-.5v-10a.5.5 0 0 1 .5-.5zM2 6.5h12M5 1.5v3M11 1.5v3',
  trip: 'M4 10.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zM12 2.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zM5.5 12h4a2.5 2.5 0 0 0 0-5h-3a2.5 2.5 0 0 1 0-5h4',
  call: 'M4 2.5l2 .5 1 3-1.5 1a7 7 0 0 0 3.5 3.5l1-1.5 3 1 .5 2c0 .8-.7 1.5-1.5 1.5A10.5 10.5 0 0 1 2.5 4c0-.8.7-1.5 1.5-1.5z',
  document: 'M4 1.5h5.5l3 3v10H4zM9.5 1.5v3h3M6 8h4.5M6 10.5h4.5',
  message: 'M2.5 3.5h11v7.5h-6l-3 2.5V11h-2z',
  folder: 'M1.5 4.5h5L8 6h6.5v7.5h-13z',
  asset: 'M8 2l5 5-5 7-5-7zM3 7h10',
  ownership: 'M5 5.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM7.5 8h7M12 8v2M14 8v2.5',
  directorship: 'M8 2l1.5 2L8 13 6.5 4zM6.5 2h3',
  employment: 'M10.5 2.5A3 3 0 0 0 7 6.5l-4.5 4.5L4 12.5 8.5 8a3 3 0 0 0 4-3.5l-2 2L9 6l-.5-1.5z',
  membership: 'M6 4.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zM10 4.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7z',
  payment: 'M5 5a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM9 8h5.5M12.5 6l2 2-2 2',
  debt: 'M8 2v12M3 4h10M3 4 1 9h4zM13 4l-2 5h4zM5.5 14h5',
  representation: 'M8 1.5l5 2v4c0 3.5-2.5 5.5-5 7-2.5-1.5-5-3.5-5-7v-4z',
  succession: 'M3 4l4 4-4 4M8 4l4 4-4 4',
  family: 'M2.5 7.5 8 2.5l5.5 5v6.5h-11zM6.5 14v-4h3v4',
  associate: 'M5.5 4.5a3.5 3.5 0 1 1 0 7M10.5 11.5a3.5 3.5 0 1 1 0-7M5.5 8h5',
  unknownLink: 'M5.5 6a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M8 13h.01',
  subcontract: 'M6 1.5h4v3H6zM1.5 11.5h4v3h-4zM10.5 11.5h4v3h-4zM8 4.5V8M3.5 11.5V8h9v3.5',
  posting: 'M2 13.5 14 8 2 2.5 4 8zM4 8h5',
  recruitment:
    'M6 2.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM1.5 13.5c0-2.5 2-4.5 4.5-4.5s4.5 2 4.5 4.5M12.5 5v4M10.5 7h4',
  accommodation:
    'M1.5 12.5v-7M1.5 10h13v2.5M14.5 10V8a2 2 0 0 0-2-2h-5v4M4.5 6.7a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6z',
  control: 'M3.5 7h9a.5.5 0 0 1 .5.5v6a.5.5 0 0 1-.5.5h-9a.5.5 0 0 1-.5-.5v-6a.5.5 0 0 1 .5-.5zM5 7V5a3 3 0 0 1 6 0v2',
  link: 'M6.5 9.5l3-3M7 4.5l1-1a2.8 2.8 0 0 1 4 4l-1 1M9 11.5l-1 1a2.8 2.8 0 0 1-4-4l1-1',
  search: 'M7 2.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zM10.3 10.3l3.7 3.7',
  close: 'M3.5 3.5l9 9M12.5 3.5l-9 9',
  plus: 'M8 3v10M3 8h10',
  upload: 'M8 11V2.5M4.5 6 8 2.5 11.5 6M2.5 11v2.5h11V11',
  download: 'M8 2.5V11M4.5 7.5 8 11l3.5-3.5M2.5 11v2.5h11V11',
  sortAsc: 'M8 3l4 5H4z',
  sortDesc: 'M8 13l4-5H4z',
  sortNone: 'M8 2.5l3 3.5H5zM8 13.5l3-3.5H5z',
  mask: 'M1.5 6c2-1 4.2-1.2 6.5.2C10.3 4.8 12.5 5 14.5 6c0 3-2 5-4 5-1 0-1.5-1-2.5-1s-1.5 1-2.5 1c-2 0-4-2-4-5zM4.5 7.5h2M9.5 7.5h2',
  shield: 'M8 1.5l5 2v4c0 3.5-2.5 5.5-5 7-2.5-1.5-5-3.5-5-7v-4zM6 8l1.5 1.5L10.5 6.5',
  alert: 'M8 2 14.5 13.5h-13zM8 6.5v3.5M8 12h.01',
  eye: 'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 6a2 2 0 1 1 0 4 2 2 0 0 1 0-4z',
  image: 'M2 3h12v10H2zM2 11l3.5-3.5 3 3 2-2L14 12M10.5 5.2a1 1 0 1 1 0 2 1 1 0 0 1 0-2z',
  trash: 'M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4',
  edit: 'M10.5 2.5l3 3-8 8h-3v-3zM9 4l3 3',
  check: 'M3 8.5l3 3 7-7',
  warning: 'M8 2 14.5 13.5h-13zM8 6.5v3.5M8 12h.01',
  globe:
    'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zM1.5 8h13M8 1.5c2 2 2.8 4.2 2.8 6.5S10 12.5 8 14.5C6 12.5 5.2 10.3 5.2 8S6 3.5 8 1.5z',
  signOut: 'M6 2.5H3v11h3M10.5 5l3 3-3 3M6.5 8h7',
  dashboard: 'M2 2h5v6H2zM9 2h5v3H9zM9 7h5v7H9zM2 10h5v4H2z',
  list: 'M5 4h9M5 8h9M5 12h9M2 4h.01M2 8h.01M2 12h.01',
  import: 'M8 1.5V9M5 6l3 3 3-3M2 9.5v4h12v-4',
  users:
    'M6 2.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM1.5 13.5c0-2.5 2-4.5 4.5-4.5s4.5 2 4.5 4.5M11 3a2 2 0 0 1 0 4M12 9.5c1.5.5 2.5 2 2.5 4',
  audit: 'M5 2.5h6v2H5zM4 3.5H2.5v11h11v-11H12M5 8h6M5 11h4',
  paperclip: 'M13 7.5l-5 5a3.2 3.2 0 0 1-4.5-4.5l5.5-5.5a2.1 2.1 0 0 1 3 3L6.5 11a1 1 0 0 1-1.5-1.5L10 4.5',
  cases: 'M2 4.5h12v9H2zM5.5 4.5v-2h5v2M2 8h12',
  flag: 'M3 14.5V2M3 2.5h9l-2 3 2 3H3',
  chevronRight: 'M6 3.5l4.5 4.5L6 12.5',
} as const;

export type IconName = keyof typeof PATHS;

/** An icon's SVG path on the 16×16 grid, for drawing it elsewhere (the chart's node pictograms). */
export const iconPath = (name: IconName): string => PATHS[name];

export function Icon({
  name,
  size = 16,
  label,
  className,
}: {
  name: IconName;
  size?: number;
  label?: string;
  className?: string;
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className ? `icon ${className}` : 'icon'}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true, focusable: false })}
    >
      {label ? <title>{label}</title> : null}
      <path d={PATHS[name]} />
    </svg>
  );
}
