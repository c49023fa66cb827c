namespace CcsviBot.Core.Text;

/// <summary>
/// The classic Porter (1980) stemmer, the algorithm behind FTS5's <c>porter</c> tokenizer, so that the engine's own
/// matching agrees with the index on any word, including words the FAQ never uses. Input: one lower-case word.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 2 || !word.All(c => c is >= 'a' and <= 'z'))
        {
            return word;
        }

        var w = new Word(word);
        w.Step1a();
        w.Step1b();
        w.Step1c();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    private sealed class Word(string text)
    {
        private char[] b = text.ToCharArray();
        private int k = text.Length - 1; // last index of the current word
        private int j;                   // end of the stem for the suffix being tested

        public override string ToString() => new(b, 0, k + 1);

        private bool IsConsonant(int i) => b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        // m(): the number of vowel-consonant sequences in b[0..j] (leading consonants and a trailing vowel run do not count).
        private int Measure()
        {
            var n = 0;
            var i = 0;
            while (i <= j && IsConsonant(i))
            {
                i++;
            }

            while (true)
            {
                while (i <= j && !IsConsonant(i))
                {
                    i++;
                }

                if (i > j)
                {
                    return n;
                }

                while (i <= j && IsConsonant(i))
                {
                    i++;
                }

                n++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= j; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DoubleConsonant(int at) => at >= 1 && b[at] == b[at - 1] && IsConsonant(at);

        // cvc(i): consonant-vowel-consonant ending at i, the last not w, x or y.
        private bool Cvc(int i)
        {
            if (i < 2 || !IsConsonant(i) || IsConsonant(i - 1) || !IsConsonant(i - 2))
            {
                return false;
            }

            return b[i] is not ('w' or 'x' or 'y');
        }

        private bool EndsWith(string suffix)
        {
            var length = suffix.Length;
            if (length > k + 1)
            {
                return false;
            }

            for (var i = 0; i < length; i++)
            {
                if (b[k - length + 1 + i] != suffix[i])
                {
                    return false;
                }
            }

            j = k - length;
            return true;
        }

        private void SetTo(string replacement)
        {
            var length = replacement.Length;
            if (j + 1 + length > b.Length)
            {
                Array.Resize(ref b, j + 1 + length);
            }

            for (var i = 0; i < length; i++)
            {
                b[j + 1 + i] = replacement[i];
            }

            k = j + length;
        }

        private void ReplaceIfMeasured(string replacement)
        {
            if (Measure() > 0)
            {
                SetTo(replacement);
            }
        }

        public void Step1a()
        {
            if (b[k] != 's')
            {
                return;
            }

            if (EndsWith("sses"))
            {
                k -= 2;
            }
            else if (EndsWith("ies"))
            {
                SetTo("i");
            }
            else if (k >= 1 && b[k - 1] != 's')
            {
                k--;
            }
        }

        public void Step1b()
        {
            if (EndsWith("eed"))
            {
                if (Measure() > 0)
                {
                    k--;
                }

                return;
            }

            if ((EndsWith("ed") || EndsWith("ing")) && VowelInStem())
            {
                k = j;
                if (EndsWith("at"))
                {
                    SetTo("ate");
                }
                else if (EndsWith("bl"))
                {
                    SetTo("ble");
                }
                else if (EndsWith("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleConsonant(k))
                {
                    if (b[k] is not ('l' or 's' or 'z'))
                    {
                        k--;
                    }
                }
                else
                {
                    j = k;
                    if (Measure() == 1 && Cvc(k))
                    {
                        SetTo("e");
                    }
                }
            }
        }

        public void Step1c()
        {
            if (EndsWith("y") && VowelInStem())
            {
                b[k] = 'i';
            }
        }

        private static readonly (string Suffix, string Replacement)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
            ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
            ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
            ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ];

        private static readonly (string Suffix, string Replacement)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
        ];

        public void Step2()
        {
            if (k < 1)
            {
                return;
            }

            foreach (var (suffix, replacement) in Step2Rules)
            {
                if (EndsWith(suffix))
                {
                    ReplaceIfMeasured(replacement);
                    return;
                }
            }
        }

        public void Step3()
        {
            foreach (var (suffix, replacement) in Step3Rules)
            {
                if (EndsWith(suffix))
                {
                    ReplaceIfMeasured(replacement);
                    return;
                }
            }
        }

        public void Step4()
        {
            if (k < 1)
            {
                return;
            }

            foreach (var suffix in Step4Suffixes)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                if (suffix == "ion" && !(j >= 0 && b[j] is 's' or 't'))
                {
                    return;
                }

                if (Measure() > 1)
                {
                    k = j;
                }

                return;
            }
        }

        public void Step5()
        {
            j = k;
            if (b[k] == 'e')
            {
                var measure = Measure();
                if (measure > 1 || (measure == 1 && !Cvc(k - 1)))
                {
                    k--;
                }
            }

            if (b[k] == 'l' && DoubleConsonant(k) && Measure() > 1)
            {
                k--;
            }
        }
    }
}
