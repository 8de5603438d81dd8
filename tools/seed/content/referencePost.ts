import type { ContentBlock } from '../lexical'

/** The clinic's reference post, from shared/seed, structured as on the original page. */
export const referencePost: {
  title: string
  publishedAt: string
  closingNote: { heading: string; body: string }
  blocks: ContentBlock[]
} = {
  title: 'Ways to Achieve Pain Relief Through Medical Massage',
  publishedAt: '2023-12-01T15:00:00.000Z',
  closingNote: {
    heading: 'A Note From Replenish Aesthetics and Wellness',
    body: 'At Replenish Aesthetics and Wellness, we believe in holistic approaches to health and wellbeing. Our team of professional medical massage therapists is committed to providing the highest quality care, tailored to your unique needs. We are proud to be part of your journey towards a healthier, pain-free life.',
  },
  blocks: [
    {
      type: 'p',
      text: 'In recent years, there’s been a heightened interest in holistic and therapeutic techniques to manage pain and promote overall wellness. One such method is achieving pain relief through medical massage. This unique approach to pain management merges the relaxation of traditional massage with the scientific application of medical knowledge to alleviate discomfort effectively.',
    },
    {
      type: 'p',
      text: 'Medical massage is an evolving field that has shown tremendous promise in addressing various types of pain. It offers a viable solution for those desiring a non-invasive and drug-free option for pain relief. Research has consistently demonstrated its efficiency in offering substantial relief, enhancing patients’ quality of life.',
    },
    {
      type: 'p',
      text: 'However, many questions exist about this therapeutic technique — How does it offer pain relief? What types of pain does it specifically address? What does a medical massage therapist do? What happens after the massage? How beneficial is it? — This comprehensive guide aims to answer these questions and provide an in-depth understanding of how medical massage can be an effective pathway to achieving pain relief.',
    },
    {
      type: 'h2',
      text: 'How to Achieve Pain Relief Through Medical Massage?',
    },
    {
      type: 'p',
      text: 'Achieving pain relief through medical massage involves understanding the intricate techniques used to address specific pain issues. This form of therapy is not a one-size-fits-all approach but rather a bespoke strategy tailored to each individual’s unique needs. High-quality medical massages are performed by trained professionals who use their in-depth understanding of the human body’s anatomy and physiology to alleviate pain and discomfort effectively. The following sections will delve into the process behind how massages provide pain relief and how they combat inflammation – two critical areas where medical massages prove to be highly beneficial.',
    },
    {
      type: 'h2',
      text: 'How Does Massage Provide Pain Relief?',
    },
    {
      type: 'p',
      text: 'Massage therapy’s pain alleviating effects are a result of a multifaceted process involving both physiological and psychological components. One key aspect is the reduction of muscle tension through manipulation, stretching, and kneading. This process aids in promoting relaxation, which is crucial in pain reduction.',
    },
    {
      type: 'p',
      text: 'A study found that manipulation, mobilization, and relaxation techniques used in massage cause a decrease in the excitability of the nervous system, leading to diminished pain perception. This reduction comes from the brain’s enhanced ability to disregard pain signals during and after a massage.',
    },
    {
      type: 'h2',
      text: 'How Does Massage Reduce Pain and Inflammation?',
    },
    {
      type: 'p',
      text: 'In addition to aiding in relaxation, medical massage also plays a vital role in reducing inflammation. According to a study, massage therapy reduces inflammation by promoting the creation of mitochondria, the energy-producing units in cells. This process helps speed up cellular recovery and reduce inflammation, subsequently reducing pain.',
    },
    {
      type: 'p',
      text: 'The massage therapist’s hand movements also stimulate blood circulation in the affected areas, which aids in nutrient delivery to the muscle tissues. This, in turn, promotes healing and recovery, leading to reduced pain. Medical massage also facilitates lymphatic drainage, which helps in removing waste products from tissues and further reducing inflammation and pain.',
    },
    {
      type: 'p',
      text: 'Thus, to achieve pain relief through medical massage, the therapist will use various specialized techniques designed to decrease tension, inflammation, and thereby, pain.',
    },
    {
      type: 'image',
      alt: 'pain relief through medical massage',
    },
    {
      type: 'h2',
      text: 'Are Medical Massages Beneficial?',
    },
    {
      type: 'p',
      text: 'The short answer is yes. Medical massages are highly beneficial for a range of pain-related issues. The advantages of securing pain relief through medical massage are manifold, extending from immediate relief in discomfort to long-term health and wellness benefits.',
    },
    {
      type: 'p',
      text: 'Researchers have identified that medical massage has significant effects on both acute and chronic pain. According to a report, massage therapy is beneficial for numerous conditions including chronic lower back pain, neck pain, and osteoarthritis of the knee. Medical massage not only alleviates the pain itself, but also addresses the root cause, whether it’s muscle tension, inflammation, or a combination of both.',
    },
    {
      type: 'p',
      text: 'In addition to physical benefits, medical massages contribute to emotional wellbeing too. As massage therapy induces relaxation, it can be an effective tool to combat stress and anxiety, often associated with chronic pain. A meta-analysis revealed that patients undergoing massage therapy experienced lower levels of anxiety and depression, improving their overall quality of life.',
    },
    {
      type: 'p',
      text: 'Furthermore, medical massages enhance the body’s natural healing processes. By increasing blood circulation and promoting lymphatic drainage, they speed up the body’s recovery mechanisms, which is particularly advantageous after injury or surgery.',
    },
    {
      type: 'p',
      text: 'While medical massage offers a plethora of benefits, it’s essential to remember that it’s most effective when used as part of a comprehensive pain management plan. It’s also fundamental to only seek massage therapy from licensed professionals with specialized training in medical massage to maximize the benefits and ensure safety.',
    },
    {
      type: 'h2',
      text: 'What Type of Pain is Relieved by Massage?',
    },
    {
      type: 'p',
      text: 'Medical massage therapy can relieve various types of pain, making it a versatile solution in pain management. The potential of securing pain relief through medical massage is vast, addressing pain resulting from a myriad of health conditions.',
    },
    {
      type: 'p',
      text: 'One of the most common types of pain alleviated by medical massage is musculoskeletal pain. According to a study by Perlman AI et al., massage therapy significantly reduced pain in patients with chronic low back pain, one of the most prevalent musculoskeletal issues.',
    },
    {
      type: 'p',
      text: 'Apart from musculoskeletal pain, medical massages are effective in relieving tension headaches and migraines. A research paper found that massage therapy led to decreased frequency and intensity of headaches in chronic headache sufferers.',
    },
    {
      type: 'p',
      text: 'Neuropathic pain, often difficult to manage with conventional pain relief methods, also finds relief in massage therapy. A study demonstrated that individuals with neuropathic pain conditions, like fibromyalgia, experienced significant pain reduction following a course of massage therapy.',
    },
    {
      type: 'h2',
      text: 'What Type of Massage is Best for Pain Relief?',
    },
    {
      type: 'p',
      text: 'The type of massage best suited for pain relief often depends on the individual’s specific pain condition and personal needs.',
    },
    {
      type: 'ul',
      items: [
        'Swedish massage, known for its long, gentle strokes, is excellent for relieving muscle tension and promoting relaxation.',
        'Deep tissue massage applies more pressure, targeting the deeper layers of muscles and connective tissues, making it ideal for chronic muscle pain and stiffness.',
        'Trigger point massage focuses on relieving pain through releasing tight muscle fibers formed from overuse or injury',
        'Myofascial release techniques target pain caused by the fascia, the connective tissue surrounding muscles.',
      ],
    },
    {
      type: 'p',
      text: 'While different types of massage offer various benefits, it’s important to remember that the best approach often involves a combination of techniques, customized to the patient’s specific situation. A trained medical massage therapist can provide guidance on the most suitable massage type for your pain relief needs.',
    },
    {
      type: 'h2',
      text: 'What Does a Medical Massage Therapist Do?',
    },
    {
      type: 'p',
      text: 'A medical massage therapist plays a crucial role in providing pain relief through medical massage. These professionals possess advanced training in specific therapeutic massage techniques targeted at managing various health conditions, including chronic and acute pain.',
    },
    {
      type: 'p',
      text: 'A medical massage therapist conducts a thorough assessment of the client’s health history and physical condition. This evaluation typically includes the following',
    },
    {
      type: 'ul',
      items: [
        'Postural assessment',
        'Range of motion testing',
        'Identifying areas of pain or discomfort',
      ],
    },
    {
      type: 'p',
      text: 'This initial examination is crucial in creating a tailored massage plan, addressing specific pain issues of the individual effectively.',
    },
    {
      type: 'p',
      text: 'Medical massage therapists also collaborate with other healthcare professionals. For instance, they may work closely with a patient’s primary care physician or physiotherapist to ensure the massage therapy aligns with the overall treatment plan.',
    },
    {
      type: 'p',
      text: 'This interdisciplinary approach often results in improved therapeutic outcomes and enhances the overall effectiveness of pain relief through medical massage.',
    },
    {
      type: 'h3',
      text: 'Technique Application',
    },
    {
      type: 'p',
      text: 'During the massage session, the therapist applies specific techniques designed to alleviate pain. These techniques could involve:',
    },
    {
      type: 'ul',
      items: [
        'Deep tissue massage',
        'Trigger point therapy',
        'Myofascial release',
        'Other specialized methods depending on the patient’s pain condition',
      ],
    },
    {
      type: 'p',
      text: 'The therapist also monitors the patient’s response throughout the session, adjusting techniques as necessary to maximize comfort and effectiveness.',
    },
    {
      type: 'p',
      text: 'Finally, medical massage therapists also play a critical role in patient education. They provide patients with necessary information about their condition, the massage process, and self-care techniques they can use at home. This education empowers patients in their journey towards pain relief and better overall health.',
    },
    {
      type: 'p',
      text: 'Therefore, a medical massage therapist’s role in providing pain relief through medical massage is multifaceted, combining technical expertise with patient-centered care.',
    },
    {
      type: 'h2',
      text: 'What Happens After Medical Massage?',
    },
    {
      type: 'p',
      text: 'Following a session of medical massage, the individual should expect to feel an immediate sense of relief. The tactile manipulation of muscle tissue leads to relaxation and reduced discomfort, contributing to the overall sense of wellbeing. However, the specific after-effects can vary depending on the type of massage and individual’s condition.',
    },
    {
      type: 'p',
      text: 'Post-massage, a noticeable reduction in pain is typically the most apparent effect. A study found that patients experienced significant pain relief for up to 6 months after receiving regular medical massage therapy. Hence, achieving pain relief through medical massage can have lasting effects.',
    },
    {
      type: 'p',
      text: 'In addition to decreased pain, increased range of motion can also be evident after a medical massage. The therapist’s targeted manipulation of muscle tissues and joints decreases stiffness and improves flexibility. This improvement can easily translate into daily life, making movement more comfortable and less painful.',
    },
    {
      type: 'p',
      text: 'Relaxation is another common after-effect of medical massage. As the brain’s stress hormone levels decrease during massage, individuals often report feeling less anxious and more relaxed post-therapy. This relaxation can result in better sleep quality, another essential aspect of overall wellness and pain management.',
    },
    {
      type: 'p',
      text: 'However, it’s not uncommon to experience some level of soreness or mild discomfort after a medical massage, especially if deep tissue techniques have been applied. This effect is usually temporary and can be alleviated with rest and water consumption to flush out metabolites released during the massage.',
    },
    {
      type: 'p',
      text: 'While these are the general after-effects, it’s important to remember that everyone’s response can vary. Therefore, open communication with the medical massage therapist is encouraged to ensure the best possible pain relief outcomes.',
    },
    {
      type: 'h2',
      text: 'What is the Medical Use of Massage?',
    },
    {
      type: 'p',
      text: 'Medical massage therapy is used for a wide range of health purposes. The principal objective of securing pain relief through medical massage is just the tip of the iceberg when it comes to its numerous potential applications in the healthcare field.',
    },
    {
      type: 'p',
      text: 'One of the primary medical uses of massage is managing musculoskeletal issues, including back, neck, and shoulder pain. Massage therapy can decrease muscle tension, improve flexibility, and promote faster muscle recovery, making it a go-to solution for these conditions.',
    },
    {
      type: 'p',
      text: 'In the realm of neurological disorders, medical massage therapy has proven beneficial in managing conditions like multiple sclerosis and Parkinson’s disease. A study showed that massage therapy improved balance in patients with Parkinson’s disease, highlighting its potential in neurological care.',
    },
    {
      type: 'p',
      text: 'Medical massage is also extensively used in managing stress and anxiety-related disorders. The body’s relaxation response triggered by massage therapy can help mitigate the effects of stress and anxiety, leading to improved mental wellbeing.',
    },
    {
      type: 'p',
      text: 'Another significant application is in the management of chronic conditions like fibromyalgia, arthritis, and neuropathy. Regular massage therapy can reduce the intensity of chronic pain, improve mobility, and enhance the overall quality of life in individuals living with these conditions.',
    },
    {
      type: 'p',
      text: 'In the sphere of rehabilitation, medical massage is often incorporated into recovery plans following injury or surgery. By increasing blood flow to the affected areas, massage can speed up the healing process and reduce recovery time. It can also help manage post-operative pain and enhance the efficacy of other rehabilitation techniques.',
    },
    {
      type: 'p',
      text: 'While these are some of the key medical uses of massage, it’s important to remember that its application is vast and continuously evolving. As research continues to uncover new possibilities, the role of medical massage in healthcare is likely to expand even further.',
    },
    {
      type: 'h2',
      text: 'How Long Will the Pain-Relief Last and How Soon Will You Start Feeling Better?',
    },
    {
      type: 'p',
      text: 'The duration and onset of pain relief through medical massage can vary significantly based on individual conditions, the severity of pain, and the type of massage applied. Typically, individuals start experiencing some level of pain relief immediately or within 24 hours after the massage.',
    },
    {
      type: 'p',
      text: 'A single massage session can alleviate acute muscle tension and bring about immediate relief. However, for chronic conditions, the significant reduction of discomfort may require multiple sessions. According to a study, patients with chronic back pain experienced substantial improvements after ten sessions of massage therapy over 12 weeks.',
    },
    {
      type: 'p',
      text: 'The duration of pain relief can also vary. While some experience relief for a few days post-massage, others report prolonged reduction in pain for weeks or even months, particularly if they’re undergoing regular therapy. The same study indicated that the benefits of massage persisted for six months or more for some patients with chronic back pain.',
    },
    {
      type: 'p',
      text: 'For people with conditions like fibromyalgia or arthritis, achieving long-term pain relief through medical massage may involve ongoing therapy. A study found that fibromyalgia patients who received a 30-minute massage twice a week for five weeks experienced improvements in pain, fatigue, and sleep disturbances.',
    },
    {
      type: 'p',
      text: 'However, each individual’s response to medical massage therapy can vary, and the benefits experienced can be influenced by various factors, including lifestyle, stress levels, and overall health. It’s always recommended to discuss your questions, expectations, and goals with your therapist for the most personalized therapeutic approach.',
    },
    {
      type: 'h2',
      text: 'How Often Should You Visit Massage Therapy for a Pain Condition?',
    },
    {
      type: 'p',
      text: 'The frequency of massage therapy sessions for pain relief through medical massage is highly individualized and depends on the person’s specific pain condition, their overall health, and the goals of the therapy.',
    },
    {
      type: 'p',
      text: 'For acute pain conditions, a few sessions may be sufficient to provide significant relief. For instance, if the pain is due to muscle tension from a strenuous workout or minor injury, one or two massage sessions might be enough to ease the discomfort.',
    },
    {
      type: 'p',
      text: 'For chronic pain conditions, the approach is typically more extended. Patients may need regular sessions over several weeks or months to achieve optimal results. For example, a patient with chronic lower back pain may benefit from weekly massage sessions for a few months, followed by monthly maintenance sessions.',
    },
    {
      type: 'p',
      text: 'In cases of intense chronic pain or specific conditions like fibromyalgia or arthritis, even more frequent sessions might be recommended at least initially. A study found twice-weekly massages for five weeks resulted in improvements in pain, anxiety, and depressive symptoms in fibromyalgia patients.',
    },
    {
      type: 'p',
      text: 'That said, it’s crucial to remember that every individual’s needs and responses to massage therapy are unique. Your massage therapy plan should be developed in consultation with your therapist and, if necessary, other healthcare providers. They can provide the best advice on the frequency of visits based on your specific pain condition and therapeutic goals.',
    },
    {
      type: 'p',
      text: 'In all scenarios, achieving lasting pain relief through medical massage typically requires consistency and a commitment to the therapeutic process. Regular sessions are essential to maintaining the benefits and achieving long-term improvement in pain and overall well being.',
    },
    {
      type: 'p',
      text: 'Pain relief through medical massage offers a promising and holistic approach to managing various pain conditions. From providing immediate relief from muscle tension to reducing chronic pain and enhancing overall wellness, the benefits of this therapeutic technique are profound.',
    },
    {
      type: 'p',
      text: 'The science behind how massage provides pain relief lies in its ability to decrease muscle tension, reduce inflammation, and stimulate the body’s natural healing processes. Medical massage therapy is effective in managing a wide array of pain conditions, from musculoskeletal and neuropathic pain to tension headaches and migraines.',
    },
    {
      type: 'p',
      text: 'The role of a medical massage therapist is instrumental in this process. These professionals, equipped with advanced training, conduct comprehensive health assessments, apply specialized techniques, and provide patient education to optimize the therapeutic outcomes.',
    },
    {
      type: 'p',
      text: 'While immediate relief might be experienced, the full benefits of massage therapy often materialize over time and with regular sessions. Each individual’s response to therapy can vary, and therefore, a personalized approach is of utmost importance. Consultation with a professional medical massage therapist will help determine the most suitable massage type and frequency of visits for each person’s specific pain condition.',
    },
    {
      type: 'p',
      text: 'In conclusion, medical massage is not only a tool for achieving pain relief, but it’s also a vehicle for enhancing overall health and wellbeing. As research continues to uncover its potential, the role of medical massage therapy in healthcare is set to broaden even further.',
    },
  ],
}
