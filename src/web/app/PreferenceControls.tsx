import { LanguageSelect } from '../components/LanguageSelect.tsx';
import { LargeFontSwitch } from '../components/LargeFontSwitch.tsx';
import { usePreferenceControls } from './use-preference-controls.ts';

/** Language menu and large-font switch, wired to the preferences (ids must be unique per page). */
export function PreferenceControls({ idPrefix }: { idPrefix: string }) {
  const controls = usePreferenceControls();
  return (
    <div className="hm-preferences">
      <LanguageSelect
        id={`${idPrefix}-language`}
        value={controls.locale}
        onChange={(l) => void controls.setLocale(l)}
      />
      <LargeFontSwitch
        id={`${idPrefix}-large-font`}
        checked={controls.largeFont}
        onChange={(on) => void controls.setLargeFont(on)}
      />
    </div>
  );
}
